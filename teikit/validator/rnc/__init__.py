"""RELAX NG compact syntax (``.rnc``) converted to the equivalent RELAX NG XML tree.

The whole OASIS compact syntax (Committee Specification, 21 November 2002) is read:
``namespace`` / ``default namespace`` / ``datatypes`` declarations (``xml`` and ``xsd``
predeclared, ``inherit``), definitions with ``=``, ``|=`` and ``&=``, ``start``, ``div``,
``include`` with overrides, ``external``, nested ``grammar`` and ``parent``, every pattern
and name class, datatype parameters and ``-`` exceptions, literals in four quotings joined
with ``~``, ``\\x{..}`` escapes, ``\\``-escaped identifiers, ``#`` comments and ``##``
documentation, ``[ ... ]`` annotations, ``>>`` following annotations and grammar-level
annotation elements. Annotations are kept as foreign elements and attributes, so the
Schematron an ODD embeds (``[ sch:pattern [ ... ] ]``) still reaches teikit's rule runner.

    >>> from lxml import etree
    >>> grammar = convert('default namespace = "urn:x"\\nstart = element doc { text }')
    >>> etree.tostring(grammar[0][0])
    b'<element xmlns="http://relaxng.org/ns/structure/1.0" name="doc" ns="urn:x"><text/></element>'

Problems come back as :class:`RncError` (a :class:`~teikit.diagnostics.ConfigError`) whose
diagnostics say ``file:line:column``; the converter never fetches anything from a network.

The modules, in the order the text flows through them: ``lexer`` (escapes, tokens),
``cursor`` (the parser's state), ``toplevel``, ``declarations``, ``parser`` (grammar content
and patterns), ``nameclasses``, ``datatypes`` and ``annotations``; ``files`` (include and
external), ``checks`` (the whole schema), ``simplify``; ``conversion`` ties them together.
"""

from teikit.validator.rnc.conversion import VERSION, Converted, convert, convert_file
from teikit.validator.rnc.errors import RncError
from teikit.validator.rnc.simplify import flatten

__all__ = ["VERSION", "Converted", "RncError", "convert", "convert_file", "flatten"]
