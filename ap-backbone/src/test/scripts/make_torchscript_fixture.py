"""Writes the tiny TorchScript fixture used by TorchScriptBackboneTest.

Run once (needs PyTorch, e.g. Debian's python3-torch) from the module directory:

    /usr/bin/python3 src/test/scripts/make_torchscript_fixture.py

The model maps a [N, 3, 8, 8] batch to a dictionary with
  features = flatten(x) @ W1^T + b1          (6 values per image)
  va       = tanh(features @ W2^T + b2)       (2 values per image)
with weights given by closed formulas, which the Java test (TinyModel) recomputes:
  W1[i][j] = 0.1 * sin(0.37 i + 0.11 j),  b1[i] = 0.01 i        (i < 6, j < 192)
  W2[i][j] = 0.5 * cos(0.5 i + 0.3 j),    b2[i] = -0.1 + 0.2 i  (i < 2, j < 6)
"""
import math
from typing import Dict

import torch

IN = 3 * 8 * 8
HID = 6
OUT = 2


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        w1 = [[0.1 * math.sin(0.37 * i + 0.11 * j) for j in range(IN)] for i in range(HID)]
        w2 = [[0.5 * math.cos(0.5 * i + 0.3 * j) for j in range(HID)] for i in range(OUT)]
        self.w1 = torch.nn.Parameter(torch.tensor(w1, dtype=torch.float32), requires_grad=False)
        self.b1 = torch.nn.Parameter(torch.tensor([0.01 * i for i in range(HID)], dtype=torch.float32),
                                     requires_grad=False)
        self.w2 = torch.nn.Parameter(torch.tensor(w2, dtype=torch.float32), requires_grad=False)
        self.b2 = torch.nn.Parameter(torch.tensor([-0.1 + 0.2 * i for i in range(OUT)], dtype=torch.float32),
                                     requires_grad=False)

    def forward(self, x: torch.Tensor) -> Dict[str, torch.Tensor]:
        f = torch.flatten(x, 1) @ self.w1.t() + self.b1
        return {"features": f, "va": torch.tanh(f @ self.w2.t() + self.b2)}


if __name__ == "__main__":
    out = "src/test/resources/org/affectiveprocesses/backbone/adapters/tiny.pt"
    torch.jit.save(torch.jit.script(Tiny().eval()), out)
    print("wrote", out)
