"""Table-driven tests of the extractor's newer rules: model focus, name lists, suffixes, cues."""

from __future__ import annotations

import pytest

from generator.wire import namelists as nl
from generator.wire.entities import Lexicon, Story
from generator.wire.extract import CHUNK, extract, extract_many
from generator.wire.focus import condense, may_hold_name, sentences
from generator.wire.mentions import cue_after
from generator.wire.names import left_initials, name_evidence, person_name
from generator.wire.orgcues import firm_keys, is_firm


# --- which sentences the model reads (generator.wire.focus) -------------------------------------

@pytest.mark.parametrize(("sentence", "kept"), [
    ("The dry period means the crop will be late.", False),  # only the opening word is capitalised
    ("Shares rose five pct in early trading.", False),
    ("It said so on Monday.", True),  # "Monday" is capitalised past the opening word
    ("prices fell sharply.", False),
    ("Kohli scored a century.", True),  # a verb of people follows the opening word
    ("Sharma was not available.", True),  # a known surname opens the sentence
    ("Lucknow was quiet.", True),  # a known place opens the sentence
    ("It said the plan would work.", False),  # a pronoun before a verb names nobody
    ("The minister met Akhilesh Yadav.", True),
    ('"The deal is done," he said.', False),
])
def test_may_hold_name(sentence: str, kept: bool) -> None:
    assert may_hold_name(sentence) is kept


@pytest.mark.parametrize(("text", "count"), [
    ("Mr. Smith said the U.S. plan works. The dry period is long.", 2),  # no split after Mr. or U.S.
    ("One line.\n\nAnother line. And a third.", 3),
    ("No end at all", 1),
])
def test_sentences(text: str, count: int) -> None:
    assert len(sentences(text)) == count


def test_condense_drops_nameless_sentences_and_maps_offsets_back() -> None:
    text = ("The dry period means the crop will be late. Rains came to Salvador on Monday.\n\n"
            "Prices fell. Traders were cautious. Comissaria Smith said stocks were low.")
    short = condense(text)
    assert "dry period" not in short.text and "Traders" not in short.text
    for word in ("Salvador", "Monday", "Comissaria Smith"):
        at = short.text.index(word)
        start, end = short.original(at, at + len(word))
        assert text[start:end] == word


def test_condense_keeps_neighbouring_sentences_as_one_piece() -> None:
    text = "Modi met Shah. Both spoke to Nadda later."
    short = condense(text)
    assert short.text == text and short.original(0, 4) == (0, 4)


def test_a_span_across_pieces_maps_to_nothing() -> None:
    short = condense("Delhi was hot. The rain stayed away. Mumbai was wet.")
    assert short.original(0, len(short.text)) is None


# --- names, suffixes and cues -------------------------------------------------------------------

@pytest.mark.parametrize(("name", "listed"), [
    ("Karthika Nair", True),  # surnames of the larger list
    ("Priya Chaudhary", True),
    ("Lakshya", False),  # a given name alone is not evidence: given-name lists cost precision
    ("Comissaria", False),
    ("Sorghum", False),
])
def test_name_evidence_from_the_larger_lists(name: str, listed: bool) -> None:
    assert name_evidence(name) is listed


@pytest.mark.parametrize("word", ["nagar", "park", "an", "shiva", "dean", "wang"])
def test_name_lists_leave_out_words_that_are_rarely_names(word: str) -> None:
    assert word not in nl.SURNAMES


def test_every_word_list_is_a_data_file_with_a_header_saying_where_it_comes_from() -> None:
    files = sorted(nl.DATA.glob("*.txt"))
    assert len(files) >= 20
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, path.name
        assert nl.read_list(path.stem), path.name


@pytest.mark.parametrize(("span", "name"), [
    ("Schneider S.A.", None),  # company suffixes make an organisation
    ("Lyle Plc", None),
    ("Krupp GmbH", None),
    ("Akzo NV", None),
    ("San Miguel", None),  # a place
    ("Santa Barbara", None),
    ("Kunlavut Vitidsarn", "Kunlavut Vitidsarn"),
])
def test_person_name_rejects_company_suffixes_and_saint_places(span: str, name: str | None) -> None:
    assert person_name(span)[0] == name


@pytest.mark.parametrize(("before", "initials"), [
    ("the U.S. ", ""),  # a country, not initials of the next name
    ("leader K. ", "K."),
    ("said M.K. ", "M.K."),
])
def test_left_initials(before: str, initials: str) -> None:
    assert left_initials(before) == initials


@pytest.mark.parametrize(("text", "cued"), [
    ("Nalini, who was released", True),  # ", who" follows only people
    ("Nalini said", True),
    ("Nalini, whose plea", False),
    ("Nalini, which", False),
])
def test_cue_after(text: str, cued: bool) -> None:
    assert cue_after(text, len("Nalini")) is cued


# --- wire copy: junk people (nationalities, institutions, firms, places) -----------------------

@pytest.mark.parametrize(("span", "name"), [
    ("Japanese", None),  # nationality adjectives are never people
    ("West German", None),
    ("Latin American", None),
    ("Christian Democrats", None),  # a party's members
    ("Senate", None),  # institutions
    ("Finance", None),
    ("Sri Lanka", None),  # a country whose first word is also a title
    ("Lanka", None),
    ("St. Louis", None),  # place prefixes
    ("Porto Alegre", None),
    ("West Virginia", None),  # U.S. states
    ("Citibank", None),  # one word ending in "bank"
    ("Hughes Tool", None),  # head words of firms and places
    ("Cooper Basin", None),
    ("Marine Midland", None),
    ("Agriculture Richard Lyng", "Richard Lyng"),  # a department before a name is dropped
    ("Willy de Clercq", "Willy de Clercq"),  # lower-case particles inside a name
    ("Ali al-Sabah", "Ali al-Sabah"),
    ("de Clercq", None),  # a particle never starts a name
    ("Willy de", None),  # nor ends one
    ("Fernand St. Germain", "Fernand St. Germain"),  # "St." inside a name is no place
    ("Paul Volcker", "Paul Volcker"),
    ("Michael German", "Michael German"),  # a surname that is also a nationality
    ("Belgian Willy de Clercq", "Willy de Clercq"),  # a nationality before a name is dropped
    ("Far Eastern", None),
    ("Petroleos de Venezuela", None),  # a particle before a country names a body
])
def test_person_name_rejects_wire_junk(span: str, name: str | None) -> None:
    assert person_name(span)[0] == name


@pytest.mark.parametrize(("text", "firm", "found"), [
    ("Shares of Smith Barney Inc rose.", "Smith Barney", True),  # a company suffix
    ("Morgan Stanley and Co led the issue.", "Morgan Stanley", True),
    ("Jardine Fleming (Securities) Ltd said so.", "Jardine Fleming", True),  # a qualifier in brackets
    ("General Electric Co <GE> said so.", "Electric", True),  # the run took the suffix and a ticker
    ("W.R. Grace <WR> has a venture.", "W.R. Grace", True),  # a ticker after the name
    ("The Fried. Krupp GmbH group said so.", "Krupp", True),
    ("Townsend Thoresen's parent company said so.", "Townsend Thoresen", True),
    ("Hughes said its profit fell.", "Hughes", True),
    ("They sold shares of Lear Siegler.", "Lear Siegler", True),
    ("Stockbrokers James Capel said prices rose.", "James Capel", True),
    ("according to Smith Barney livestock analyst Tom Hare.", "Smith Barney", True),  # its staff
    ("chairman David Stanley told analysts the results were good.", "David Stanley", False),
    ("money broker Joachim Schmidt may know more.", "Joachim Schmidt", False),  # a broker is a person
    ("said Abhishek Goyal, Co-Founder, Tracxn.", "Abhishek Goyal", False),  # "Co-Founder" is no "Co"
    ("Finance Minister Chung In-yong, Bank of Korea Governor Park said.", "Chung In-yong", False),
    ("Donald Trump's stake rose to 4.9 pct.", "Donald Trump", False),  # people hold stakes too
    ("White House spokesman Marlin Fitzwater said so.", "Marlin Fitzwater", False),
])
def test_firm_keys(text: str, firm: str, found: bool) -> None:
    assert is_firm(firm, firm_keys(text)) is found


@pytest.mark.parametrize(("text", "people"), [
    ("Brokers said Smith Barney, Harris Upham and Co Inc bought it. Smith Barney said its clients "
     "were happy.", ()),  # the story marks the name as a firm: no person anywhere in it
    ("EC external trade chief Willy de Clercq said the plan works. De Clercq added more.",
     ("Willy de Clercq",)),  # the particle joins the name; the short form folds into it
    ("Finance Minister Barend du Plessis said the debt would be paid.", ("Barend du Plessis",)),
    ("West German President Richard von Weizsaecker met Argentine President Raul Alfonsin.",
     ("Richard von Weizsaecker", "Raul Alfonsin")),
    ("U.S. Secretary of Agriculture Richard Lyng said wheat sales would grow.", ("Richard Lyng",)),
    ("Japanese officials said the yen was too strong. Sri Lanka's largest bank agreed.", ()),
    ("Rates will fall, said Bob Bannon of Security Pacific National Bank.", ("Bob Bannon",)),
    ("The company bought oil from Petroleos de Venezuela, Treasury Secretary James Baker said.",
     ("James Baker",)),  # no particle joins a place's name
])
def test_extract_drops_wire_junk(text: str, people: tuple[str, ...]) -> None:
    assert extract(Story((text,)), Lexicon()).people == people


# --- spreading over processes -----------------------------------------------------------------

def test_extract_many_over_two_processes_matches_one() -> None:
    texts = ["Akhil Menon said Delhi was cold.", "Rina Das met officials in Goa.",
             "The dry period means the crop will be late. Prices fell."]
    stories = [Story((texts[i % 3],), None, None) for i in range(CHUNK + 7)]
    many = extract_many(stories, Lexicon(), processes=2)
    assert len(many) == len(stories)
    singles = [extract(s, Lexicon()) for s in stories[:3]]
    assert many == [singles[i % 3] for i in range(len(stories))]
    assert many[0].people == ("Akhil Menon",) and many[2].people == ()


@pytest.mark.parametrize(("span", "name"), [
    ("Foreign Minister Dariusz Rosati", "Dariusz Rosati"),  # a portfolio before Minister is a title
    ("King Norodom Sihanouk", "Norodom Sihanouk"),
    ("Aluva DySP T R Rajesh", "T R Rajesh"),  # a place and a mixed-case rank
    ("John Major", "John Major"),  # a surname that is also a rank
    ("Ivan Lendl’s Grand Slam", "Ivan Lendl"),  # a possessive ends the name
    ("Grace Road, Leicestershire", None),  # a comma ends it: a road is left
    ("Brown Deer Park Golf Course", None),
    ("Reagan Communications", None),  # a firm's head word
])
def test_person_names_from_wire_spans(span: str, name: str | None) -> None:
    assert person_name(span)[0] == name
