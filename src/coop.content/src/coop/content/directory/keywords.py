"""Competence keywords: typed freely, displayed as typed, searched folded."""

import re
import unicodedata


SEPARATORS = re.compile(r"[;\n]")


def split_keywords(text):
    """The keywords of a `;`- or line-separated text, stripped, empty ones dropped."""
    return [part.strip() for part in SEPARATORS.split(text or "") if part.strip()]


def normalize_keyword(keyword):
    """Fold case, accents and inner spaces so that spellings of a word meet."""
    decomposed = unicodedata.normalize("NFKD", keyword.strip().casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(folded.split())


def normalized_keywords(keywords):
    """The distinct folded forms of `keywords`, in their first order."""
    return list(dict.fromkeys(filter(None, map(normalize_keyword, keywords or ()))))
