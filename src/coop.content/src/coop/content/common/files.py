"""What an uploaded file really is, judged from its bytes, not its name."""

import io
import zipfile


SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    # Word, Excel and PowerPoint files before 2007 (OLE2 compound documents).
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
)
ZIP_SIGNATURE = b"PK\x03\x04"
# Office Open XML: the folder that holds the document's main part.
OOXML_FOLDERS = (
    (
        "word/",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (
        "ppt/",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
)
ODF_TYPES = tuple(
    f"application/vnd.oasis.opendocument.{kind}"
    for kind in ("text", "spreadsheet", "presentation")
)
# Longer than any OpenDocument type: enough to read one, too few to be a burden.
MIMETYPE_MAX_BYTES = 100
# Every type `sniff_content_type` recognises.
KNOWN_TYPES = frozenset(
    (
        *(content_type for _, content_type in SIGNATURES),
        "image/webp",
        *(content_type for _, content_type in OOXML_FOLDERS),
        *ODF_TYPES,
    )
)


def _office_zip_type(data):
    """The type of an OpenDocument or Office Open XML file, or None for other ZIPs."""
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                # At most a few bytes: the whole entry may inflate to gigabytes.
                with archive.open("mimetype") as entry:
                    mimetype = entry.read(MIMETYPE_MAX_BYTES).decode("ascii", "replace")
                return mimetype if mimetype in ODF_TYPES else None
            if "[Content_Types].xml" in names:
                for folder, content_type in OOXML_FOLDERS:
                    if any(name.startswith(folder) for name in names):
                        return content_type
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def sniff_content_type(data):
    """The MIME type of `data` among PDF, JPEG, PNG, WebP and office documents.

    Office documents are the OpenDocument and Office Open XML formats (ZIP
    archives whose content says what they are) and the older Microsoft ones.
    Anything else is None.
    """
    head = bytes(data[:16])
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(ZIP_SIGNATURE):
        return _office_zip_type(data)
    return None
