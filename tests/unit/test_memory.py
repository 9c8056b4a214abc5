"""generator/memory.py: blocks freed in the middle of the heap go back to the system."""
import sys

import pytest

from generator.memory import give_back_freed_memory


def _resident_kb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="resident memory is read from /proc")
def test_freed_bodies_between_kept_objects_stop_counting_as_resident():
    # Like the build: ~15 KB bodies read between small objects that live on, then dropped.
    bodies, kept = [], []
    for i in range(6000):
        bodies.append("Công an tỉnh tuần tra bảo đảm an ninh. " * 380 + str(i))
        kept.append(bytes(600) + i.to_bytes(4, "big"))  # malloc'd beside each body, kept
    grown = _resident_kb()
    del bodies
    freed_but_resident = _resident_kb()
    give_back_freed_memory()
    after = _resident_kb()
    assert freed_but_resident - after > 40_000, (grown, freed_but_resident, after)  # ~90 MB of bodies
    assert len(kept) == 6000
