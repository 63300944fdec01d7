"""A build killed with `kill -9` at any point of its output swap is finished by the next build or check,
and two builds of one project never interleave (the build lock)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.build import LOCK_NAME, STAGING_PREFIX
from tests.regen.conftest import apigen, petstore, snapshot, write_spec

REPO = Path(__file__).resolve().parents[2]

# Builds a scratch copy of the project once (so everything a build imports is imported), then for each
# "<root> <N>" line on stdin forks a child that runs `apigen build` on <root> with the stand-in renderers
# and SIGKILLs itself right after the Nth rename of the swap: no `finally`, no clean-up, exactly what
# `kill -9` leaves. Prints the child's exit status (-9 when killed). Forking saves a fresh interpreter
# and apigen's imports per crash (about 0.25 s of a 0.3 s crash, 16 crashes).
CRASHING_BUILDS = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from generator import render
    from generator.cli import main
    render.TARGETS["python"] = render.TARGETS["docs"] = "tests.regen.tiny_renderer"
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # what the builds print
    assert main(["build", "--root", sys.argv[1]]) == 0
    for line in sys.stdin:
        root, limit = line.rsplit(" ", 1)
        pid = os.fork()
        if pid == 0:
            count, real = [0], Path.rename
            def rename(self, target, limit=int(limit)):
                result = real(self, target)
                count[0] += 1
                if count[0] == limit:
                    os.kill(os.getpid(), signal.SIGKILL)
                return result
            Path.rename = rename
            code = main(["build", "--root", root])
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(-os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status), file=answers, flush=True)
""")


@contextmanager
def crashing_builds(scratch: Path) -> Iterator[Callable[[Path, int], int]]:
    """`crash(root, n)`: the exit status of a build of `root` killed after its nth rename (see above);
    `scratch`, a project the server builds first."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen([sys.executable, "-c", CRASHING_BUILDS, str(scratch)], env=env, cwd=REPO, text=True,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as server:
        assert server.stdin is not None and server.stdout is not None
        stdin, stdout = server.stdin, server.stdout

        def crash(root: Path, after_renames: int) -> int:
            stdin.write(f"{root} {after_renames}\n")
            stdin.flush()
            return int(stdout.readline())

        try:
            yield crash
        finally:
            stdin.close()
            server.wait(timeout=60)


def outputs(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if k.startswith(("generated/", "specs/"))}


def change_both(root: Path, title: str) -> None:
    for name in ("petstore", "other"):
        spec = petstore()
        spec["info"]["title"] = f"{name} {title}"
        write_spec(root, name, spec)


def test_swap_killed_at_every_rename_is_finished_by_the_next_command(project: Path, tmp_path: Path) -> None:
    # the bytes a clean build gives, and custom code that must survive every crash
    assert apigen(project, "build") == 0
    custom = project / "generated/petstore/python/petstore/custom/mine.py"
    custom.parent.mkdir(parents=True)
    custom.write_text("X = 1\n")
    change_both(project, "v2")
    reference = tmp_path / "reference"
    subprocess.run(["cp", "-a", str(project), str(reference)], check=True)
    assert apigen(reference, "build") == 0
    expected = outputs(reference)
    kills = 0
    subprocess.run(["cp", "-a", str(project), str(tmp_path / "scratch")], check=True)
    with crashing_builds(tmp_path / "scratch") as crash_build:
        for limit in range(1, 40):
            trial = tmp_path / f"trial{limit}"
            subprocess.run(["cp", "-a", str(project), str(trial)], check=True)
            code = crash_build(trial, limit)
            if code != -9:  # the swap has fewer renames than `limit`: finished normally
                assert code == 0
                break
            kills += 1
            assert [p for p in trial.iterdir() if p.name.startswith(STAGING_PREFIX)]  # something to recover
            apigen(trial, "build" if limit % 2 else "check")  # either one finishes the interrupted swap
            assert not [p for p in trial.iterdir() if p.name.startswith(STAGING_PREFIX)]
            assert outputs(trial) == expected, f"killed after rename {limit}"
            assert apigen(trial, "check") == 0
    assert kills >= 8  # the swap really was interrupted at many points


def test_a_second_build_waits_for_the_first(project: Path) -> None:
    import fcntl

    assert apigen(project, "build") == 0
    change_both(project, "v3")
    lock = (project / LOCK_NAME).open("a+")
    fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    script = ("import sys; from generator import render; from generator.cli import main; "
              "render.TARGETS['python'] = render.TARGETS['docs'] = 'tests.regen.tiny_renderer'; "
              "sys.exit(main(['build', '--root', sys.argv[1]]))")
    second = subprocess.Popen([sys.executable, "-c", script, str(project)], env=env, cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert second.stderr is not None
        waiting = second.stderr.readline()  # it found the lock taken (rather than a fixed wait for it to)
        assert "waiting for another build" in waiting, waiting
        time.sleep(0.5)
        assert second.poll() is None  # still waiting: nothing of the tree touched meanwhile
        assert b"v3" not in (project / "generated/petstore/python/spec.json").read_bytes()
    finally:
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
        lock.close()
    _, err = second.communicate(timeout=60)
    assert second.returncode == 0, waiting + err
    assert b"v3" in (project / "generated/petstore/python/spec.json").read_bytes()
