"""Sports teams named by their town or county are organisations in sports copy."""

from __future__ import annotations

from generator.wire.teams import find_teams, is_sports, team_keys

SPORT = ("Leicestershire beat Somerset by an innings on Friday to lead the county championship. "
         "Title rivals Essex, Derbyshire and Surrey closed in on victory in their match. "
         "Former Blackburn skipper Alan Shearer scored a goal for England against Moldova.")


def test_a_story_with_sport_words_is_sports_copy() -> None:
    assert is_sports(SPORT)
    assert not is_sports("Leicestershire County Council voted on Friday to raise the tax.")


def test_sides_that_play_are_teams() -> None:
    keys = team_keys(find_teams(SPORT))
    assert {"leicestershire", "somerset", "essex", "derbyshire", "surrey", "blackburn"} <= keys


def test_countries_stay_places_and_adjectives_are_no_teams() -> None:
    keys = team_keys(find_teams(SPORT + " Brazilian striker Ronaldo and the Former Bath side."))
    assert not {"england", "moldova", "brazilian", "former"} & keys
    assert "bath" in keys


def test_no_teams_outside_sports_copy() -> None:
    assert find_teams("The BJP beat the Congress in Bihar, the party said in a statement.") == []


def test_a_long_team_name_gives_its_first_and_last_words() -> None:
    text = SPORT + " Real Madrid drew with Deportivo Coruna."
    assert {"real madrid", "real", "deportivo coruna", "deportivo"} <= team_keys(find_teams(text))
