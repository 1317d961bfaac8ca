"""ISO Schematron, run directly over lxml trees (no XSLT compilation step).

A ``.sch`` schema, or the rules an ODD embeds in its RELAX NG, becomes a
:class:`~teikit.validator.schematron.rules.RuleSet` whose XPath is compiled once; each
document is then checked pattern by pattern, every failed ``assert`` and successful
``report`` located at the node its rule fired on.

Rules run in libxml2 (XPath 1.0) whenever their expressions mean the same there, else in
elementpath (XPath 2.0/3.1 for ``queryBinding="xslt2"``/``"xslt3"``).

The modules, in the order a schema flows through them: ``expand`` (``include``,
``extends``, abstract patterns), ``rules`` (reading and compiling), ``context`` (rule
contexts as lxml selections and what they need to match), ``xslt``, ``body``,
``functions`` and ``keys`` (the XSLT a schema may hold: ``xsl:key``, ``xsl:function``,
``xsl:variable``), ``xpath`` (the two engines), ``backend`` (running the rules on a
document) and ``embedded`` (collecting the rules embedded in a RELAX NG grammar).
"""

from teikit.validator.schematron.backend import SchematronBackend
from teikit.validator.schematron.embedded import embedded_rules

__all__ = ["SchematronBackend", "embedded_rules"]
