from crisisdesk.serve.listing import shown


def test_table_cells_read_like_numbers_in_a_report() -> None:
    assert shown(8_000_000.0) == "8,000,000"
    assert shown(3.5) == "3.5"
    assert shown(0.3333333333) == "0.3333"
    assert shown(2_500_000_000.5) == "2,500,000,000.5"
    assert shown(None) == ""
    assert shown("up to") == "up to"
