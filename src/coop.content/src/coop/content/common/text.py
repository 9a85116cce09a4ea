"""What a line of plain text typed into a form may hold."""

import unicodedata


def is_plain_line(value):
    """Whether `value` is one line of plain text: no markup brackets (< and
    >), no control characters, line breaks included."""
    return (
        "<" not in value
        and ">" not in value
        and not any(unicodedata.category(char) == "Cc" for char in value)
    )
