"""The shipped crisis lines match the table in CONTENT_GUIDE.md exactly.

The table is held here, copied from the guide; if either changes, this test says so.
"""

from __future__ import annotations

import re

from workbook.content import crisis
from workbook.models import Country

# (country, service, contact as in the guide, source as in the guide)
GUIDE_TABLE = [
    ("US", "988 Suicide & Crisis Lifeline", "call or text 988 (press 1 veterans, 2 Spanish)",
     "988lifeline.org"),
    ("US", "SAMHSA National Helpline", "1-800-662-4357, TTY 1-800-487-4889",
     "samhsa.gov/find-help/national-helpline"),
    ("US", "Crisis Text Line", "text HOME to 741741", "crisistextline.org"),
    ("US", "Never Use Alone", "1-800-484-3731", "neverusealone.com"),
    ("UK", "Samaritans", "116 123", "samaritans.org"),
    ("UK", "SHOUT", "text SHOUT to 85258", "giveusashout.org"),
    ("CA", "9-8-8 Suicide Crisis Helpline", "call or text 988", "988.ca"),
    ("CA", "National Overdose Response Service", "1-888-688-6677", "nors.ca"),
    ("AU", "Lifeline", "13 11 14", "lifeline.org.au"),
    ("AU", "National Alcohol and Other Drug Hotline", "1800 250 015", "health.gov.au"),
    # Added in issue 18 after reading each service's own page; the lead adds them to the guide.
    ("AU", "Gambling Help Online", "1800 858 858", "gamblinghelponline.org.au"),
    ("AU", "Family Drug Support", "1300 368 186", "fds.org.au"),
]  # fmt: skip

# The page read for each line that was checked at its source (issue 18), and the lines whose own
# page could not be read. Changing either is a deliberate act: re-read the page, then edit here.
READ_AT_SOURCE = {
    "988 Suicide & Crisis Lifeline": "988lifeline.org/get-help/what-to-expect",
    "SAMHSA National Helpline": "samhsa.gov/find-help/national-helpline",
    "Samaritans": "samaritans.org/how-we-can-help/contact-samaritan",
    "SHOUT": "giveusashout.org/about-us/faq",
    "Lifeline": (
        "lifeline.org.au/About-Lifeline/Want-to-know-more-about-Lifeline-/Lifeline-Information"
    ),
    "Gambling Help Online": "gamblinghelponline.org.au/covid-19-update",
    "Family Drug Support": "fds.org.au",
}
NOT_RE_CHECKED = {
    "Crisis Text Line",
    "Never Use Alone",
    "9-8-8 Suicide Crisis Helpline",
    "National Overdose Response Service",
    "National Alcohol and Other Drug Hotline",
}

GUIDE_EMERGENCY = {
    "US": "911",
    "CA": "911",
    "UK": "999 or 112",
    "AU": "000",
}


def numbers(text: str) -> list[str]:
    """The numbers and text keywords someone would dial or send, in order."""
    tokens = re.findall(r"\d[\d -]*\d|\d|\b[A-Z]{3,}\b", text)
    return [re.sub(r"\s+", " ", t.strip()) for t in tokens]


def source_of(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def test_every_line_is_in_the_guide_and_no_more() -> None:
    shipped = {(line.country.value, line.name) for line in crisis().line}
    assert shipped == {(country, name) for country, name, _, _ in GUIDE_TABLE}
    assert len(crisis().line) == len(GUIDE_TABLE)


def test_contacts_match_the_guide_number_for_number() -> None:
    by_name = {line.name: line for line in crisis().line}
    for _country, name, contact, _source in GUIDE_TABLE:
        assert numbers(by_name[name].contact) == numbers(contact), name


def test_sources_match_the_guide() -> None:
    by_name = {line.name: line for line in crisis().line}
    for _country, name, _contact, source in GUIDE_TABLE:
        assert source_of(str(by_name[name].source)) == source, name


def test_the_ended_press_3_option_is_not_listed() -> None:
    for line in crisis().line:
        text = f"{line.contact} {line.about}".lower()
        assert "press 3" not in text
        assert "3 for" not in text
        assert "lgbtq" not in text


def test_emergency_numbers_match_the_guide() -> None:
    for country, number in GUIDE_EMERGENCY.items():
        assert crisis().emergency_for(Country(country)) == number
    assert "112" in crisis().emergency_for(Country.OTHER)


def test_every_line_says_where_and_when_it_was_checked() -> None:
    for line in crisis().line:
        assert line.source.scheme == "https"
        assert line.listed_on.year >= 2025


def test_what_was_read_at_its_source_is_pinned() -> None:
    by_name = {line.name: line for line in crisis().line}
    assert set(READ_AT_SOURCE) | NOT_RE_CHECKED == set(by_name)
    assert not set(READ_AT_SOURCE) & NOT_RE_CHECKED
    for name, page in READ_AT_SOURCE.items():
        line = by_name[name]
        assert line.checked_page is not None and line.last_verified is not None, name
        assert source_of(str(line.checked_page)) == page, name
        # The page read belongs to the service itself: same site as its source.
        assert (line.checked_page.host or "").removeprefix("www.") == (
            line.source.host or ""
        ).removeprefix("www."), name
    for name in NOT_RE_CHECKED:
        assert not by_name[name].verified, name
        assert by_name[name].check_text().startswith("not re-checked since"), name
