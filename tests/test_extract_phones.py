"""Phone numbers in E.164, identifiers left out."""

from jobtrack.extract.phones import find_phones


def e164(text: str, **kw) -> list[str]:
    return [p.e164 for p in find_phones(text, **kw)]


def test_danish_forms():
    text = "ring 5158 4878, 24 81 00 46 eller +4522138828, tlf. 3045 6405, (+45) 7020 1234"
    assert e164(text) == ["+4551584878", "+4524810046", "+4522138828", "+4530456405", "+4570201234"]


def test_identifiers_are_not_phones():
    text = "CVR 29189765, SE-nr. 12345678, sagsnr. 26044871, j.nr 88776655, ref: 87654321"
    assert e164(text) == []


def test_dates_and_amounts_are_not_phones():
    assert e164("08-03-2026 og 32.500 kr") == []


def test_date_spans_excluded():
    assert e164("24 81 00 46", exclude=[(0, 11)]) == []


def test_other_region():
    assert e164("call 0161 496 0123", region="GB") == ["+441614960123"]
