#!/usr/bin/python3
"""Cross-checks genlab's SafeTensors against an independent Python implementation of the format.

    /usr/bin/python3 test-data/safetensors/safetensors_fixture.py make
        writes from_python.safetensors next to this script (committed as a test fixture; read by
        genlab.io.SafeTensorsTest#readsFileWrittenByPython)
    /usr/bin/python3 test-data/safetensors/safetensors_fixture.py check FILE
        reads FILE (e.g. one written by genlab) and prints its tensors and metadata

The Hugging Face `safetensors` package is not packaged for Debian bookworm (no python3-safetensors)
and PyPI is not reachable here, so this script implements the format from the specification with
struct/json, following the reference writer's choices: header keys "__metadata__" first, then
tensors sorted by (dtype alignment descending, name); the header is padded with spaces to a multiple
of 8. If `safetensors` is importable, `check` also loads FILE with safetensors.torch.load_file and
compares. Values come from torch 1.13 (torch.manual_seed(0)) and are stored as little-endian F32.
"""
import json
import os
import struct
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def save(path, tensors, metadata):
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    offset = 0
    blobs = []
    for name in sorted(tensors):  # all F32: the reference sorts by (alignment desc, name)
        t = tensors[name].detach().to(torch.float32).contiguous()
        data = struct.pack("<%df" % t.numel(), *t.reshape(-1).tolist())
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def load(path):
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = raw[8 + n:]
    out = {}
    for name, info in header.items():
        assert info["dtype"] == "F32", info
        b, e = info["data_offsets"]
        count = (e - b) // 4
        vals = struct.unpack("<%df" % count, data[b:e])
        out[name] = torch.tensor(vals, dtype=torch.float32).reshape(info["shape"])
    return out, metadata


def main():
    if sys.argv[1:2] == ["make"]:
        torch.manual_seed(0)
        tensors = {
            "layer.weight": torch.randn(3, 4),
            "layer.bias": torch.arange(3, dtype=torch.float32) - 1.5,
            "scalar": torch.tensor(2.5),
            "empty": torch.zeros(0, 2),
        }
        save(os.path.join(HERE, "from_python.safetensors"), tensors,
             {"format": "pt", "producer": "safetensors_fixture.py"})
        for k, v in sorted(tensors.items()):
            print(k, list(v.shape), v.reshape(-1).tolist())
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 3:
        tensors, metadata = load(sys.argv[2])
        print("metadata", metadata)
        for k, v in tensors.items():
            print(k, list(v.shape), v.reshape(-1).tolist())
        try:
            from safetensors.torch import load_file
        except ImportError:
            print("safetensors package not installed: checked with this script's reader only")
        else:
            ref = load_file(sys.argv[2])
            assert ref.keys() == tensors.keys()
            for k in ref:
                assert torch.equal(ref[k], tensors[k]), k
            print("safetensors.torch.load_file agrees")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
