"""English verb forms for headlines: past tense to headline present ('met' -> 'meets')."""

from __future__ import annotations

import re


def _pairs(text: str) -> dict[str, str]:
    """Parse 'past:base past:base' into a dict."""
    return dict(item.split(":") for item in text.split())


IRREGULAR = _pairs(
    "said:say met:meet told:tell made:make took:take gave:give won:win lost:lose sold:sell "
    "bought:buy left:leave held:hold began:begin saw:see went:go came:come got:get found:find "
    "sent:send spent:spend paid:pay set:set put:put cut:cut hit:hit beat:beat rose:rise fell:fall "
    "struck:strike wrote:write brought:bring thought:think kept:keep became:become chose:choose "
    "drew:draw ran:run shot:shoot stood:stand spoke:speak threw:throw withdrew:withdraw "
    "undertook:undertake oversaw:oversee swore:swear sought:seek built:build broke:break bid:bid "
    "forecast:forecast quit:quit shut:shut spread:spread knew:know grew:grow flew:fly fought:fight "
    "caught:catch taught:teach slid:slide sank:sink swung:swing hung:hang dealt:deal meant:mean "
    "felt:feel heard:hear lent:lend upheld:uphold overtook:overtake sped:speed stuck:stick "
    "stole:steal tore:tear drove:drive fed:feed fled:flee underwent:undergo overcame:overcome "
    "foresaw:foresee arose:arise led:lead sat:sit lit:light dug:dig rebuilt:rebuild slashed:slash "
    "added:add boycotted:boycott focused:focus biased:bias died:die tied:tie lied:lie "
    "buzzed:buzz erred:err egged:egg taken:take given:give shown:show written:write chosen:choose "
    "driven:drive spoken:speak begun:begin seen:see done:do known:know grown:grow thrown:throw "
    "drawn:draw broken:break stolen:steal sworn:swear withdrawn:withdraw risen:rise fallen:fall "
    "undertaken:undertake overtaken:overtake forgiven:forgive")
_E_BASES = frozenset(
    "invite cite unite ignite incite excite recite expedite complete compete delete deplete "
    "ignore restore explore score store adore implore deplore bore interfere adhere revere "
    "persevere postpone atone zone phone clone condone dethrone convene intervene hone tone "
    "waste taste paste scale inhale exhale shore".split())
PRESENT = frozenset("says expects plans sees wants faces intends hopes believes remains "
                     "continues predicts warns urges proposes seeks agrees begin say expect plan".split())


def present_form(past: str, plural: bool) -> str | None:
    """Return the present form of PAST ('announced' -> 'announces'), or None if unsure."""
    if past in PRESENT:
        return past
    base = IRREGULAR.get(past) or (base_form(past) if past.endswith("ed") else None)
    if not base:
        return None
    return base if plural else third_person(base)


def third_person(base: str) -> str:
    """Return the third person singular of the regular verb BASE: 'meet' -> 'meets', 'try' -> 'tries'."""
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
        return base[:-1] + "ies"
    return base + "s"


def base_form(past: str) -> str | None:
    """Guess the base form of a regular past tense ('urged' -> 'urge', 'slammed' -> 'slam')."""
    stem = past[:-2]
    vowels = "aeiouy"
    if len(stem) < 2:
        return None
    if stem + "e" in _E_BASES:
        return stem + "e"
    if past.endswith("ied"):
        return past[:-3] + "y"
    if stem.endswith(("e", "u")):
        return stem + "e"
    if stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    if stem.endswith("ll"):
        return stem if stem.endswith("all") or len(re.findall("[aeiouy]+", stem)) < 2 else stem[:-1]
    last, prev = stem[-1], stem[-2]
    if last in "wxyh" or stem.endswith(("ss", "ong", "gg", "elop")):
        return stem
    if last in "cvzgs":
        return stem + "e"
    if prev not in vowels:
        return stem + "e" if last == "l" and prev in "bcdfgkpstz" else stem
    if last == "t" and prev in "au":
        return stem + "e" if stem[-3:-2] not in ("e", "o") else stem
    if len(stem) > 2 and stem[-3] in vowels and stem[-4:-2] != "qu":
        return stem
    if last == "t":
        return stem + "e" if prev == "o" else stem
    if last in "nl":
        return stem + "e" if prev in "iuo" and not stem.endswith("on") else stem
    if last == "r":
        return stem + "e" if prev in "aiuo" else stem
    return stem + "e"
