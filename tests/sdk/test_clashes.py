"""Names that clash (specs/clashes.yaml): the service `calendar`, schemas named like the SDK's own names
(`Query`, `Body`, `AsyncResource`) or `None`, tags like `resource`, `con` and `httpx`, methods `list` and
`type` that would shadow builtins in the annotations after them, names of over 200 characters. The package
passes ruff and mypy --strict (test_lint covers every session SDK), imports beside the standard library's
`calendar`, and every resource works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.config import load_config, package_name
from generator.errors import ApigenError
from generator.render.naming import MAX_NAME, WINDOWS_DEVICES, module_file, pascal, snake
from tests.sdk.conftest import SPECS, Generated


def test_a_standard_library_name_is_not_taken_by_the_package(sdks: dict[str, Generated]) -> None:
    assert sdks["clashes"].service.package == "calendar_sdk"
    assert package_name("httpx") == "httpx_sdk" and package_name("con") == "con_sdk"
    assert package_name("petshop") == "petshop"


def test_file_names_are_bounded_and_not_windows_devices(sdks: dict[str, Generated]) -> None:
    package = sdks["clashes"].package_dir
    stems = {p.stem for p in package.rglob("*.py")}
    assert {"con_", "nul_", "aux_", "com1_", "lpt1_"} <= stems
    assert not stems & WINDOWS_DEVICES
    assert max(len(p.name) for p in package.rglob("*")) <= MAX_NAME + 3
    assert module_file("CON") == "CON_" and module_file("console") == "console"
    long = "Very" + "Long" * 60
    assert len(snake(long)) <= MAX_NAME and len(pascal(long)) == MAX_NAME
    assert snake(long) != snake(long + "er")  # the hash keeps names of a common start apart


def test_every_resource_works_beside_the_standard_library(sdks: dict[str, Generated]) -> None:
    package = sdks["clashes"].service.package
    resources = ["items", "things", "resource", "resources", "client_", "models", "con", "nul", "aux", "com1",
                 "lpt1", "types", "typing", "httpx", "pydantic", "calendar", "base", "misc"]
    code = (
        f"import calendar, http.cookiejar, {package}, {package}.testing as testing\n"
        f"from {package}.models import QueryModel, NoneModel, BodyModel, AsyncResourceModel\n"
        "assert calendar.isleap(2024)\n"
        f"client = {package}.Client(api_key='k', http_client=testing.mock_http_client())\n"
        f"for name in {resources!r}:\n"
        "    getattr(client, name)\n"
        "items = client.items.list(type_='a', list_=['b'])\n"
        "assert isinstance(items, list) and all(isinstance(i, QueryModel) for i in items), items\n"
        "print(type(client.items.type()).__name__, type(client.con.fetch_con()).__name__)\n"
        "print(sorted(m for m in dir(client.misc) if not m.startswith('_')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=sdks["clashes"].root, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first == "TypeModel NoneModel"
    assert second.startswith("['do_something_something") and "with_raw_response" in second


def test_a_tag_named_like_a_client_member_gets_another_attribute() -> None:
    """A tag `close`, `api_key`, `request`... would make a resource attribute that redefines the client's
    own member (`client.close` no longer closing anything; ruff F811, mypy no-redef): it gets `_` after it."""
    from generator.render.python.plan import build_plan

    tags = ("close", "api_key", "request", "with_raw_response", "max_retries", "base_url")
    spec = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        f"/{tag}": {"get": {"operationId": f"get_{tag}", "tags": [tag], "responses": {"200": {"description": "ok"}}}}
        for tag in tags}}
    attrs = {resource.attr for resource in build_plan(spec).resources}
    assert attrs == {f"{tag}_" for tag in tags}, attrs


def test_the_renamed_members_cover_every_public_member_of_the_client(sdks: dict[str, Generated]) -> None:
    """`plan.CLIENT_MEMBERS` must name every public member the generated clients have besides resources,
    or a tag named like a member added later would redefine it again."""
    from generator.render.python.plan import CLIENT_MEMBERS

    package = sdks["clashes"].service.package
    code = (f"import {package} as p\n"
            "for cls in (p.Client, p.AsyncClient):\n"
            "    print(*sorted(n for n in dir(cls) if not n.startswith('_') and not isinstance(\n"
            "        getattr(cls, n), __import__('functools').cached_property)))\n"
            "print(*sorted(n for n in vars(p.Client(api_key='k', base_url='http://x')) if not n.startswith('_')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=sdks["clashes"].root, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    members = set(result.stdout.split())
    assert {"close", "request", "api_key"} <= members
    assert members <= CLIENT_MEMBERS, members - CLIENT_MEMBERS


def test_an_explicit_package_name_that_would_clash_is_refused(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """`--package calendar` would hide the standard library's `calendar` (httpx imports it through
    `http.cookiejar`), so nothing of the SDK would import: refused in one line naming a name that works, and
    nothing written. The name offered works end to end. (The first refusal and the working name run the
    real command; the other two refusals run it in-process, saving an interpreter start each.)"""
    def generate(package: str, out: Path, in_process: bool = False) -> subprocess.CompletedProcess[str]:
        args = ["generate", str(SPECS / "clashes.yaml"), "--target", "python", "--package", package,
                "--out", str(out)]
        if in_process:
            code = main(args)
            captured = capsys.readouterr()
            return subprocess.CompletedProcess(args, code, captured.out, captured.err)
        return subprocess.run([sys.executable, "-m", "generator", *args],
                              capture_output=True, text=True, cwd=tmp_path, check=False, timeout=120)

    for name in ("calendar", "httpx", "CON"):
        refused = generate(name, tmp_path / name, in_process=name != "calendar")
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
        assert f"package {name!r} would clash" in refused.stderr and f"{name}_sdk" in refused.stderr
        assert not (tmp_path / name).exists()
    made = generate("calendar_sdk", tmp_path / "ok")
    assert made.returncode == 0, made.stderr
    code = ("import calendar, calendar_sdk, calendar_sdk.testing as testing\n"
            "assert calendar.isleap(2024)\n"
            "client = calendar_sdk.Client(api_key='k', http_client=testing.mock_http_client())\n"
            "print(type(client.con.fetch_con()).__name__)\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path / "ok" / "python",
                         check=False, timeout=60)
    assert run.stdout.strip() == "NoneModel", run.stderr


def test_a_clashing_package_in_apigen_yaml_is_refused(tmp_path: Path) -> None:
    (tmp_path / "apigen.yaml").write_text("services:\n  shop:\n    package: json\n", encoding="utf-8")
    with pytest.raises(ApigenError, match="package 'json' would clash .* 'json_sdk'"):
        load_config(tmp_path)
