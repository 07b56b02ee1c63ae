"""Small immutable values for the modules on the start-up paths (config, ingest, nlp).

``newsdiff --json`` on a cache hit and the UI's first paint import those modules before they
do anything. A frozen dataclass costs about a millisecond to define (it generates and compiles
its methods) and pulls in ``dataclasses`` and ``inspect``; a ``NamedTuple`` compiles each
string annotation (PEP 563). Together that was a fifth of the warm path's imports. A Frozen class
here defines nothing at import: each class lists its fields in ``__slots__`` and writes a
typed ``__init__``; equality, hashing, ``repr``, ``replace`` and ``as_dict`` come from here.
The data model (``model.py``) keeps its dataclasses: it is the JSON contract.
"""

from __future__ import annotations

from typing import Any, Self


class Frozen:
    """Immutable value object whose fields are its ``__slots__``, in ``__init__`` order.

    Subclasses keep ``__slots__`` in that order (``# noqa: RUF023``): it is the order of
    ``fields()``, ``as_dict()`` and ``repr``.
    """

    __slots__: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Fail at import when a field is added the dataclass way (annotated, not in slots)."""
        super().__init_subclass__(**kwargs)
        annotated = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (inspect is heavy)
        missing = [n for n in annotated if n not in cls.__slots__]
        if missing:
            raise TypeError(f"{cls.__name__}: add {missing} to __slots__ and __init__")

    def _init(self, **values: Any) -> None:
        """Set every field once; subclasses call this from their typed ``__init__``."""
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; use replace()")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        """The field names, in order."""
        return cls.__slots__

    def as_dict(self) -> dict[str, Any]:
        """Field name -> value, in order."""
        return {name: getattr(self, name) for name in self.__slots__}

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        return type(self)(**{**self.as_dict(), **changes})

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self.as_dict())

    def _key(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


def _rebuild(cls: type[Frozen], values: dict[str, Any]) -> Frozen:
    """Unpickle and copy a value through its ``__init__``."""
    return cls(**values)
