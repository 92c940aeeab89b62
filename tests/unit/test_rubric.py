"""The headline checks `digest eval` reports, and the sub-editor's rules they stand for."""

from __future__ import annotations

import pytest

from generator.wire.entities import Entities, Story
from generator.wire.headline import headline
from generator.wire.parse import parse_seed
from generator.wire.rubric import judge_all, tally


def write(*paragraphs: str) -> str:
    """Return the headline of a story made of PARAGRAPHS."""
    return headline(Story(paragraphs), Entities())


def test_checks_name_what_fails() -> None:
    good, dangling, noisy, verbless, long = judge_all([
        "Port authority reopens northern terminal to cargo ships",
        "Port authority reopens northern terminal to",
        "By Express News Service Port authority reopens terminal",
        "Northern terminal of the old port",
        "Port authority reopens " + "very " * 20 + "old terminal",
    ])
    assert good.passed
    assert dangling.failed == ("ending",)
    assert "noise" in noisy.failed
    assert "verb" in verbless.failed
    assert long.failed == ("length",)
    assert tally([good, dangling])["all"] == 1


def test_leading_participle_clause_goes() -> None:
    text = write("Calling the new bridge a waste of money, opposition leader Ravi Menon demanded "
                 "an inquiry into the contract.")
    assert text.startswith("Ravi Menon demands inquiry into contract")
    assert "Calling" not in text


def test_conditional_clause_goes() -> None:
    text = write("If the rains fail again, farmers in the district will lose their second crop in a row.")
    assert text.startswith("Farmers in district to lose their second crop")


def test_byline_run_into_the_lede_goes() -> None:
    text = write("Our Bureau The state cabinet approved a new water policy for the coastal districts.")
    assert text == "State cabinet approves new water policy for coastal districts"


def test_byline_and_caption_paragraphs_are_skipped() -> None:
    text = write("By Express News Service", "IMAGE: The chief minister at the site. Photograph: ANI Photo",
                 "The state cabinet approved a new water policy for the coastal districts.")
    assert text == "State cabinet approves new water policy for coastal districts"


def test_menafn_prefix_is_not_the_dateline() -> None:
    seed, _ = parse_seed(b" date 2024-10-22 (MENAFN- IANS) Mumbai, Oct 22 (IANS) A special court on "
                         b"Tuesday granted bail to the three accused in the land case.\n", "x.txt")
    assert seed.dateline is not None and seed.dateline.city == "Mumbai"
    assert headline(Story(seed.paragraphs), Entities()) == "Special court grants bail to three accused in land case"


def test_long_name_list_still_has_its_verb() -> None:
    text = write("Trade unions, farmers' groups, student bodies, shopkeepers' associations and the "
                 "transport workers' federation called a statewide strike against the new fuel tax.")
    assert " call " in f" {text} " and len(text) <= 80


def test_quote_lede_names_the_speaker() -> None:
    text = write('"We will finish the new hospital before the monsoon," said health minister Asha Verma.')
    assert text.startswith("Asha Verma says we will finish new hospital")


@pytest.mark.parametrize("lede, expected", [
    # 'left' is an adjective here, not the main verb: it stays
    ("The Rovers signed left tackle Dan Price from the Miners.", "Rovers sign left tackle Dan Price"),
    # an event dated before the day keeps its past tense and its date
    ("Club captain Tom Reed had heart surgery a month ago, the club said.",
     "Club captain Tom Reed had heart surgery a month ago"),
    ("The old mill closed a month ago after the owners went bankrupt.", "Old mill closed a month ago"),
    # past perfect is background: untouched
    ("The river authority had opened all ten gates of the dam.",
     "River authority had opened all ten gates of dam"),
    # simple past, passive, perfect and future each take headline tense
    ("The city council approved the new budget.", "City council approves new budget"),
    ("Three men were arrested in the port city.", "Three men arrested in port city"),
    ("The mayor has resigned over the housing scandal.", "Mayor resigns over housing scandal"),
    ("The port authority will reopen the old terminal.", "Port authority to reopen old terminal"),
])
def test_tense(lede: str, expected: str) -> None:
    assert write(lede).startswith(expected)


def test_never_ends_on_a_function_word() -> None:
    text = write("The committee monitoring the ceasefire agreement between the two neighbouring "
                 "countries and the armed groups of the region will meet in the capital on Sunday to "
                 "discuss a complaint against the border police.")
    assert judge_all([text])[0].ending and len(text) <= 80
