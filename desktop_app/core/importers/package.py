"""Checks on a ZIP-based document (Word .docx) before any parser opens it.

A .docx is a ZIP archive of XML parts. Two classic attacks hide there:
- a ZIP bomb: members that unpack to gigabytes (python-docx reads every part into
  memory), or thousands of members;
- XML entity tricks: a DOCTYPE declaring entities that expand exponentially ("billion
  laughs") or that name an external file or URL (XXE).
python-docx's lxml parser has resolve_entities=False (docx/oxml/parser.py), so entities
are not expanded, but we do not lean on one library's setting: Word never writes a
DOCTYPE, so a part that has one is refused outright (defusedxml, forbid_dtd).
zipfile itself stops a member at its declared size (and fails its CRC), so the declared
sizes checked here are the sizes that can be read.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ..errors import ImportFailed
from .base import ImportLimits, size_text

_XML_SUFFIXES = (".xml", ".rels")
_BIG_MEMBER = 1024 * 1024


def check_package(data: bytes, limits: ImportLimits, what: str = "The Word file") -> None:
    """Refuse a ZIP package that would unpack too much or carries XML declarations Word never writes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_members:
                raise ImportFailed(f"{what} has {len(infos):,} parts inside (at most {limits.max_members:,} "
                                   "are accepted); it was refused as a possible ZIP bomb.")
            total = sum(i.file_size for i in infos)
            if total > limits.max_unpacked_bytes:
                raise ImportFailed(f"{what} would unpack to {size_text(total)} (the limit is "
                                   f"{size_text(limits.max_unpacked_bytes)}); it was refused as a possible ZIP bomb.")
            for info in infos:
                if info.flag_bits & 0x1:
                    raise ImportFailed(f"{what} is encrypted; remove the password in Word and import it again.")
                if info.file_size > _BIG_MEMBER and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                    raise ImportFailed(f"{what} contains a part compressed {info.file_size // max(info.compress_size, 1):,} "
                                       "times over; it was refused as a possible ZIP bomb.")
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    _check_xml(zf.read(info), what)
    except ImportFailed:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error, EOFError, ValueError, OSError,
            NotImplementedError, RuntimeError):
        raise ImportFailed(f"{what} is damaged or incomplete and could not be read.") from None


def _check_xml(part: bytes, what: str) -> None:
    try:
        fromstring(part, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportFailed(f"{what} contains XML entity declarations, which Word never writes; "
                           "it was refused as potentially hostile.") from None
    except (ParseError, ValueError, UnicodeError):
        raise ImportFailed(f"{what} is damaged (one of its XML parts cannot be read).") from None
