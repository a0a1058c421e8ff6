"""Progress bars for long work (tqdm), silent unless asked for."""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def progress_bar(total: float, enabled: bool, desc: str, unit: str = "t"):
    """A tqdm bar advanced in simulated time units; a no-op object when disabled."""
    if not enabled:
        class _Null:
            def update(self, _):
                pass

            def set_postfix_str(self, *_a, **_k):
                pass
        yield _Null()
        return
    from tqdm.auto import tqdm

    with tqdm(total=total, desc=desc, unit=unit, leave=False,
              bar_format="{l_bar}{bar}| {n:.1f}/{total:.1f} {unit} [{elapsed}<{remaining}]") as bar:
        yield bar
