"""``xsl:function`` in Schematron, for the ``xslt2``/``xslt3`` query bindings (elementpath).

A body (read by :mod:`teikit.validator.schematron.body`) is run step by step, its XPath compiled
by the schema's own parser, on which each function is registered under its namespace and
local name (one registration serves every arity). Functions may call each other, themselves
and ``key()``. As in XSLT 2.0:

- the body has no context item; it sees the schema-level variables and its parameters,
  not the variables of the rule that calls it;
- ``xsl:value-of`` and ``xsl:text`` give text, untyped like a text node's value; a
  variable with content and no ``as`` holds the text of that content (the string value
  of the temporary tree XSLT would build);
- an atomic ``as`` (``xs:string``, ``xs:boolean``, ``xs:integer``…) on a parameter, a
  variable or the function atomizes the value and casts its untyped items to that type,
  so ``<xsl:value-of select="'false'"/>`` in a function ``as="xs:boolean"`` is false.
  Other ``as`` types are not checked.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

from teikit.diagnostics import ConfigError
from teikit.validator.schematron.body import (
    Choose,
    Function,
    Sequence,
    Step,
    Text,
    ValueOf,
    Variable,
)
from teikit.validator.schematron.keys import ACTIVE, items, string_of
from teikit.validator.schematron.xpath import ElementPathCompiler

XSD = "http://www.w3.org/2001/XMLSchema"
_VALUE = "teikit-value"
_CAST = ("for $v in data(${value}) return if ($v instance of {xs}:untypedAtomic) "
         "then $v cast as {xs}:{type} else $v")


class Functions:
    """A schema's functions, registered on one elementpath parser."""

    def __init__(self, functions: list[Function], compiler: ElementPathCompiler) -> None:
        self.exprs: dict[str, Any] = {}
        self.casts: dict[str, Any] = {}
        parser = compiler.parser
        xs = next((p for p, uri in parser.namespaces.items() if uri == XSD and p), "xs")
        tables: dict[tuple[str, str], dict[int, Function]] = {}
        for function in functions:
            table = tables.setdefault((function.uri, function.local), {})
            if len(function.params) in table:
                raise ConfigError(f"{compiler.source}: line {function.line}: xsl:function "
                                  f"{function.name} with {len(function.params)} parameters "
                                  "is defined twice")
            table[len(function.params)] = function
        for table in tables.values():
            self._register(compiler, table)
        for function in functions:
            where = f"xsl:function {function.name} (line {function.line})"
            for text in _expressions(function.body):
                if text not in self.exprs:
                    self.exprs[text] = compiler.compile(text, where)
            for cast in {c for _, c in function.params} | _casts(function.body) | {function.cast}:
                if cast and cast not in self.casts:
                    expr = _CAST.format(value=_VALUE, xs=xs, type=cast)
                    self.casts[cast] = compiler.compile(expr, f"{where} as xs:{cast}")

    def _register(self, compiler: ElementPathCompiler, table: dict[int, Function]) -> None:
        from elementpath import ElementPathError

        first = next(iter(table.values()))
        parser = compiler.parser
        prefix = _prefix(parser.namespaces, first.uri, first.prefix)
        try:
            token = parser.external_function(_placeholder, name=first.local, prefix=prefix)
        except ElementPathError as exc:
            raise ConfigError(f"{compiler.source}: line {first.line}: xsl:function "
                              f"{first.name} cannot be used in XPath ({exc})") from None
        token.nargs = (min(table), max(table))
        setattr(token, "evaluate", self._evaluator(table))  # noqa: B010 - replaces a method

    def _evaluator(self, table: dict[int, Function]) -> Callable[..., list[Any]]:
        def evaluate(token: Any, context: Any = None) -> list[Any]:
            if context is None:  # parse time: the call needs a document
                raise token.missing_context()
            args = [items(token[k].evaluate(context)) for k in range(len(token))]
            function = table.get(len(args))
            if function is None:
                raise token.error("XPST0017", f"no variant with {len(args)} arguments")
            return self.call(function, args, context)
        return evaluate

    def call(self, function: Function, args: list[list[Any]], caller: Any) -> list[Any]:
        """The value of ``function`` applied to ``args`` (from a rule's context ``caller``)."""
        context = copy.copy(caller)
        context.item = None
        run = ACTIVE.get()
        variables = dict(run.variables(False) if run is not None else caller.variables)
        for (name, cast), value in zip(function.params, args, strict=True):
            variables[name] = self.cast(value, cast, context)
        context.variables = variables
        return self.cast(self.sequence(function.body, context), function.cast, context)

    def cast(self, value: list[Any], cast: str | None, context: Any) -> list[Any]:
        if cast is None:
            return value
        scratch = copy.copy(context)
        scratch.variables = {_VALUE: value}
        return items(self.casts[cast].evaluate(scratch))

    def sequence(self, steps: tuple[Step, ...], context: Any) -> list[Any]:
        """The items a sequence constructor makes."""
        out: list[Any] = []
        for step in steps:
            if isinstance(step, Variable):
                context = copy.copy(context)
                context.variables = {**context.variables, step.name: self.variable(step, context)}
            elif isinstance(step, Sequence):
                out += items(self.exprs[step.select].evaluate(context))
            elif isinstance(step, ValueOf):
                out.append(self.value_of(step, context))
            elif isinstance(step, Text):
                out.append(_untyped(step.text))
            else:
                out += self.choose(step, context)
        return out

    def variable(self, step: Variable, context: Any) -> list[Any]:
        if step.select is not None:
            value = items(self.exprs[step.select].evaluate(context))
        else:
            value = self.sequence(step.body, context)
            if not step.typed:  # a temporary tree: only its text can matter to a test
                value = [_untyped("".join(string_of(item, False) for item in value))]
        return self.cast(value, step.cast, context)

    def value_of(self, step: ValueOf, context: Any) -> Any:
        if step.select is not None:
            found = items(self.exprs[step.select].evaluate(context))
        else:
            found = self.sequence(step.body, context)
        separator = step.separator if step.separator is not None else (
            " " if step.select is not None else "")
        return _untyped(separator.join(string_of(item, False) for item in found))

    def choose(self, step: Choose, context: Any) -> list[Any]:
        for test, body in step.branches:
            if test is None:
                return self.sequence(body, context)
            expr = self.exprs[test]
            if expr.boolean_value(expr.evaluate(context)):
                return self.sequence(body, context)
        return []


def _untyped(text: str) -> Any:
    from elementpath.datatypes import UntypedAtomic

    return UntypedAtomic(text)


def _prefix(namespaces: dict[str, str], uri: str, preferred: str) -> str:
    """A prefix the parser binds to ``uri`` (bound now if it has none)."""
    if namespaces.get(preferred) == uri:
        return preferred
    found = next((p for p, bound in namespaces.items() if bound == uri and p), None)
    if found is None:
        found = f"teikit-fn{len(namespaces)}"
        namespaces[found] = uri
    return found


def _placeholder(*args: Any) -> Any:  # pragma: no cover - evaluate is replaced
    raise NotImplementedError


def _walk(steps: tuple[Step, ...]) -> Iterator[Step]:
    for step in steps:
        yield step
        if isinstance(step, (Variable, ValueOf)):
            yield from _walk(step.body)
        elif isinstance(step, Choose):
            for _, body in step.branches:
                yield from _walk(body)


def _expressions(steps: tuple[Step, ...]) -> list[str]:
    found: list[str] = []
    for step in _walk(steps):
        if isinstance(step, (Variable, Sequence, ValueOf)) and step.select is not None:
            found.append(step.select)
        elif isinstance(step, Choose):
            found += [test for test, _ in step.branches if test is not None]
    return found


def _casts(steps: tuple[Step, ...]) -> set[str | None]:
    return {step.cast for step in _walk(steps) if isinstance(step, Variable)}
