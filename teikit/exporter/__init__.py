"""Exporters: TEI → HTML (reading and editorial views) and plain text (reading and
transcript views), behind one :func:`render` function and a table of formats.

:func:`export` renders a tree; :func:`export_file` is the whole policy of ``teikit export``
for one file (validate first unless told not to, load safely, report what the page works
around, render).
"""

from __future__ import annotations

from teikit.exporter.formats import FORMATS, SUFFIXES, check_view, export, render
from teikit.exporter.job import ExportResult, export_file
from teikit.exporter.options import ExportOptions, Rendered

__all__ = ["FORMATS", "SUFFIXES", "ExportOptions", "ExportResult", "Rendered", "check_view",
           "export", "export_file", "render"]
