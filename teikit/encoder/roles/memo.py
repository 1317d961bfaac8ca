"""``@feature``: a fact about a line or a page, computed on first use and kept.

It does what :func:`functools.cached_property` does, without the lock that Python 3.11's
takes on every first computation (a line has some thirty features and a transcript
hundreds of lines: the lock cost more than most features). Like ``cached_property`` it
stores the value in the instance's ``__dict__``, so later reads never reach the
descriptor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class feature(Generic[T]):
    """A read-only attribute computed once per instance by the decorated method."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> feature[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | feature[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value
