"""Where each output of a run goes, and whether an existing file there may be replaced.

Naming: an output goes beside its input, at the file named by ``-o``, or inside the folder
named by ``-o`` (keeping the input's place under the folder it was found in). Replacing:
never an input; otherwise only a file teikit wrote and nobody changed since (see
:mod:`teikit.ledger`), unless ``force`` is given.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from teikit.diagnostics import InputError, OutputError
from teikit.files import InputSet, expand_inputs, guard_output, is_special, write_output
from teikit.ledger import Ledger, Ownership


@dataclass(frozen=True)
class Source:
    """One input of a run, and the folder it was found in (when a folder was named)."""

    path: Path
    base: Path | None = None


@dataclass
class Plan:
    """The files a run reads and where their outputs go."""

    sources: list[Source]
    output: Path | None = None
    force: bool = False
    inputs: InputSet = field(init=False)
    ledger: Ledger = field(default_factory=Ledger)

    def __post_init__(self) -> None:
        self.inputs = InputSet(source.path for source in self.sources)
        stems = Counter(source.path.with_suffix("") for source in self.sources)
        self._shared_stems = {s.path for s in self.sources if stems[s.path.with_suffix("")] > 1}
        """Sources whose name without suffix another source shares (``a.xml``, ``a.tei``):
        their outputs keep the input's suffix (``a.tei.html``) so that none replaces another."""
        self._many = len(self.sources) > 1 or any(s.base is not None for s in self.sources)
        self._into_folder = self.output is not None and (
            self._many or self.output.is_dir() or str(self.output).endswith(("/", "\\")))
        self._check_apart()

    def _check_apart(self) -> None:
        """Raise :class:`InputError` when two inputs would write the same output (``a/x.txt``
        and ``b/x.txt`` into one folder): the second would silently replace the first's."""
        if not self._into_folder:
            return
        seen: dict[Path, Path] = {}
        for source in self.sources:
            target = self.target(source, "")
            first = seen.setdefault(target, source.path)
            if first != source.path:
                raise InputError(
                    f"{first} and {source.path} would both be written to {target}.*; "
                    "rename one, or write them into different folders")

    @property
    def to_stdout(self) -> bool:
        return self.output is not None and str(self.output) == "-"

    def target(self, source: Source, suffix: str) -> Path:
        """Beside ``source``, at ``output``, or inside the folder ``output``."""
        found = source.path
        stem = found.name if found in self._shared_stems else found.stem
        if self.output is None:
            return found.with_name(stem + suffix)
        if not self._into_folder:
            return self.output
        relative = found.relative_to(source.base) if source.base is not None else Path(found.name)
        return self.output / relative.parent / (stem + suffix)

    def write(self, target: Path, data: bytes) -> None:
        """Write one output atomically, when that loses nobody's work."""
        check_replaceable(target, self.inputs, self.ledger, self.force)
        special = is_special(target)
        write_output(target, data)
        if not special:
            self.ledger.remember(target, data)


def check_replaceable(target: Path, inputs: InputSet, ledger: Ledger, force: bool) -> None:
    """Raise :class:`OutputError` unless writing ``target`` is safe (or forced)."""
    guard_output(target, inputs)
    if force or is_special(target):
        return  # a device or a pipe holds no work to lose
    state = ledger.ownership(target)
    if state is Ownership.CHANGED:
        raise OutputError(f"{target} was changed since teikit wrote it; "
                          "use --force to replace it")
    if state is Ownership.FOREIGN:
        raise OutputError(f"{target} exists and was not written by teikit; "
                          "use --force to replace it")


def plan(inputs: list[Path], suffixes: tuple[str, ...], what: str,
         output: Path | None = None, force: bool = False) -> Plan:
    """The inputs found (files named, and files with ``suffixes`` in folders named).

    Raises :class:`InputError` when a path does not exist, nothing is found, several
    documents would go to stdout, or two inputs to the same output file.
    """
    found: dict[Path, Source] = {}  # a file named twice (or in a folder named too) once
    for path in inputs:
        base = path if path.is_dir() else None
        for file in expand_inputs([path], suffixes):
            found.setdefault(file.resolve(), Source(file, base))
    if not found:
        raise InputError(f"no {what} found in {', '.join(map(str, inputs))}")
    chosen = Plan(list(found.values()), output, force)
    if chosen.to_stdout and len(found) > 1:
        raise InputError("-o - writes one document; give a single input")
    return chosen
