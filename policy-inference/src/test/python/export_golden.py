#!/usr/bin/env python3
"""Golden files from real PyTorch for TorchGoldenTest (policy-inference).

Exports a few small nets from torch, as a desk would, to ONNX (torch.onnx.export) and to safetensors-format files
(the safetensors layout written by hand: the `safetensors` package is not needed), together with torch's own
outputs on fixed inputs. Slicer must reproduce those outputs to 1e-6.

Rerun wherever torch is installed (Debian: apt-get install python3-torch), from the repository root:
    /usr/bin/python3 policy-inference/src/test/python/export_golden.py
It rewrites policy-inference/src/test/resources/golden/torch/. The files are deterministic for a given torch
version (fixed seed); commit them with the torch version the script prints into golden.json.
"""
import json
import os
import struct

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "torch")
SEED = 20261205
INPUTS = 8
ROWS = 16


class MatMulAdd(torch.nn.Module):
    """x @ W + b written out, so the exporter emits MatMul + Add instead of Gemm (W is [in, out])."""

    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.w1 = torch.nn.Parameter(torch.randn(n_in, n_hidden) * 0.4)
        self.b1 = torch.nn.Parameter(torch.randn(n_hidden) * 0.1)
        self.w2 = torch.nn.Parameter(torch.randn(n_hidden, n_out) * 0.4)
        self.b2 = torch.nn.Parameter(torch.randn(n_out) * 0.1)

    def forward(self, x):
        return torch.matmul(torch.tanh(torch.matmul(x, self.w1) + self.b1), self.w2) + self.b2


def nets():
    torch.manual_seed(SEED)
    L = torch.nn.Linear
    return {
        # name: (net, whether its state_dict is nn.Linear layout, i.e. also written as safetensors)
        "relu_mlp": (torch.nn.Sequential(L(INPUTS, 16), torch.nn.ReLU(), L(16, 16), torch.nn.ReLU(), L(16, 3)), True),
        "tanh_sigmoid": (torch.nn.Sequential(L(INPUTS, 12), torch.nn.Tanh(), L(12, 12), torch.nn.Sigmoid(),
                                             L(12, 1)), True),
        "bias_free": (torch.nn.Sequential(L(INPUTS, 10, bias=False), torch.nn.ReLU(), L(10, 2, bias=False)), True),
        "matmul_add": (MatMulAdd(INPUTS, 6, 2), False),
    }


def write_safetensors(path, state):
    """The safetensors layout: u64 little-endian header length, JSON header, then the raw little-endian tensors."""
    header = {}
    data = b""
    for name in sorted(state):
        t = state[name].detach().contiguous().to(torch.float32)
        raw = t.numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)


def main():
    os.makedirs(OUT, exist_ok=True)
    built = nets()
    torch.manual_seed(SEED + 1)
    x = torch.randn(ROWS, INPUTS) * 2.0
    golden = {"torch": torch.__version__, "seed": SEED, "inputs": x.tolist(), "nets": {}}
    for name, (net, linear) in built.items():
        net.eval()
        with torch.no_grad():
            y = net(x)
        torch.onnx.export(net, torch.zeros(1, INPUTS), os.path.join(OUT, name + ".onnx"), input_names=["obs"],
                          output_names=["out"], opset_version=17)
        files = [name + ".onnx"]
        if linear:
            write_safetensors(os.path.join(OUT, name + ".safetensors"), net.state_dict())
            files.append(name + ".safetensors")
        golden["nets"][name] = {"files": files, "outputs": y.tolist()}
        print(name, files, tuple(y.shape))
    with open(os.path.join(OUT, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
