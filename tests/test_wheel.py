"""A pip user gets working schemas: build the wheel, install it (not editable) into a
fresh virtual environment, and validate the samples with the installed ``teikit``."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    found = sorted(dist.glob("teikit-*.whl"))
    assert len(found) == 1
    return found[0]


def test_wheel_carries_schemas_and_package_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"teikit/schemas/teikit.xsd", "teikit/schemas/teikit.rng",
            "teikit/schemas/teikit.sch", "teikit/schemas/tei/tei_all.rng",
            "teikit/schemas/tei/LICENCE.txt", "teikit/schemas/tei/README.md", "teikit/py.typed",
            "teikit/exporter/html/css/page.css"} <= names


def fresh_env(env: Path) -> Path:
    """A virtual environment that has teikit's dependencies but not teikit: they are
    borrowed from the environment running the tests (a venv or not) through a ``.pth``
    file, so that no network is needed; ``system_site_packages`` would miss them in a
    venv, where they are not the system's."""
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    inner = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                            "['purelib'])"], check=True, capture_output=True, text=True)
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(inner.stdout.strip(), "borrowed-dependencies.pth").write_text("\n".join(outer) + "\n")
    return python


def test_installed_wheel_validates_the_samples(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    python = fresh_env(env)
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
                   check=True, capture_output=True)
    teikit = env / "bin" / "teikit"
    where = subprocess.run([str(python), "-c", "import teikit; print(teikit.__file__)"],
                           check=True, capture_output=True, text=True, cwd=tmp_path)
    assert str(env) in where.stdout, "the test must run the installed package"
    samples = sorted((SAMPLES / "output").glob("*.xml"))
    assert samples
    run = subprocess.run([str(teikit), "validate", *map(str, samples)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    built = subprocess.run([str(teikit), "build", str(SAMPLES), "-o", str(tmp_path / "out")],
                           capture_output=True, text=True, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
