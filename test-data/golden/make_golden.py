#!/usr/bin/python3
"""Golden values from PyTorch for genlab's tensor-op tests.

How to run (from the repository root):

    apt-get install -y python3-torch      # Debian bookworm: torch 1.13.1 (reports 1.13.0a0)
    /usr/bin/python3 test-data/golden/make_golden.py

(Call Debian's /usr/bin/python3 explicitly: a pyenv python3 earlier on PATH has no torch.)

Written with torch 1.13.0a0 (Debian package python3-torch 1.13.1+dfsg-4), CPU, one thread.
Rerunning with the same torch version rewrites identical files; another version may differ in
the last bits of a few values, which is why the files, not this script, are what the tests read.

Each case calls torch.manual_seed(0) first, works in float32 and writes test-data/golden/NAME.json:

    {"meta": {...hyperparameters...},
     "tensors": {"name": {"shape": [..], "data": [flat row-major values]}, ...}}

Values are repr(float(v)) of the float32 results: parsing them as double and casting to float gives
back exactly the float PyTorch computed. "gy" is the upstream gradient (a fixed random tensor the
shape of the output); "grad_x" etc. are the gradients of sum(y * gy). See README.md for the layouts.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.dirname(os.path.abspath(__file__))
torch.set_num_threads(1)
torch.set_default_dtype(torch.float32)


def flat(t):
    t = t.detach().to(torch.float32).contiguous()
    vals = [float(v) for v in t.reshape(-1).tolist()]
    for v in vals:
        assert math.isfinite(v), "non-finite value in a golden tensor"
    return {"shape": list(t.shape), "data": vals}


def save(name, meta, tensors):
    meta = dict(meta)
    meta["case"] = name
    meta["torch_version"] = torch.__version__
    meta["dtype"] = "float32"
    meta["seed"] = 0
    lines = ['{"meta": ' + json.dumps(meta, allow_nan=False) + ',', ' "tensors": {']
    items = list(tensors.items())
    for i, (k, t) in enumerate(items):
        sep = "," if i + 1 < len(items) else ""
        lines.append("  " + json.dumps(k) + ": " + json.dumps(flat(t), allow_nan=False) + sep)
    lines.append(" }}")
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", name + ".json", {k: list(v.shape) for k, v in tensors.items()})


def leaf(t):
    return t.detach().clone().requires_grad_(True)


def conv2d_case(name, xs, ws, stride, padding, dilation):
    torch.manual_seed(0)
    x = leaf(torch.randn(*xs))
    w = leaf(torch.randn(*ws) * 0.5)
    b = leaf(torch.randn(ws[0]))
    y = F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation)
    gy = torch.randn_like(y)
    (y * gy).sum().backward()
    save(name, {"op": "conv2d", "stride": list(stride), "padding": list(padding),
                "dilation": list(dilation), "groups": 1,
                "weight_layout": "(out_channels, in_channels, kh, kw)",
                "pairs": "[h, w]"},
         {"x": x, "weight": w, "bias": b, "y": y, "gy": gy,
          "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


def conv_transpose2d_case():
    torch.manual_seed(0)
    x = leaf(torch.randn(2, 4, 5, 4))
    w = leaf(torch.randn(4, 3, 3, 3) * 0.5)
    b = leaf(torch.randn(3))
    stride, padding, output_padding, dilation = (2, 2), (1, 1), (1, 1), (1, 1)
    y = F.conv_transpose2d(x, w, b, stride=stride, padding=padding,
                           output_padding=output_padding, dilation=dilation)
    gy = torch.randn_like(y)
    (y * gy).sum().backward()
    save("conv_transpose2d",
         {"op": "conv_transpose2d", "stride": list(stride), "padding": list(padding),
          "output_padding": list(output_padding), "dilation": list(dilation), "groups": 1,
          "weight_layout": "(in_channels, out_channels, kh, kw)", "pairs": "[h, w]",
          "out_size": "(in - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1"},
         {"x": x, "weight": w, "bias": b, "y": y, "gy": gy,
          "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


def norm_case(name, module, x, meta, extra_before=None):
    """y, gy and grads for module(x); module's affine params are already set."""
    x = leaf(x)
    tensors = {"x": x, "weight": module.weight.detach().clone(), "bias": module.bias.detach().clone()}
    if extra_before:
        tensors.update(extra_before)
    y = module(x)
    gy = torch.randn_like(y)
    (y * gy).sum().backward()
    tensors.update({"y": y, "gy": gy, "grad_x": x.grad,
                    "grad_weight": module.weight.grad, "grad_bias": module.bias.grad})
    return tensors


def batchnorm_cases():
    bn_meta = {"eps": 1e-5, "momentum": 0.1,
               "running_var_update": "unbiased batch variance (divides by n - 1); "
                                     "normalization uses the biased one (divides by n)",
               "running_update": "running = (1 - momentum) * running + momentum * batch_stat"}
    # batchnorm2d_train: one training step from the default running stats (0, 1).
    torch.manual_seed(0)
    bn = nn.BatchNorm2d(3, eps=1e-5, momentum=0.1)
    with torch.no_grad():
        bn.weight.copy_(torch.randn(3) * 0.5 + 1.0)
        bn.bias.copy_(torch.randn(3) * 0.5)
    bn.train()
    x = torch.randn(4, 3, 5, 5) * 2.0 + 0.5
    before = {"running_mean_before": bn.running_mean.clone(), "running_var_before": bn.running_var.clone()}
    t = norm_case("batchnorm2d_train", bn, x, bn_meta, before)
    t["running_mean"] = bn.running_mean.clone()
    t["running_var"] = bn.running_var.clone()
    save("batchnorm2d_train", dict(bn_meta, mode="train", num_batches_tracked=int(bn.num_batches_tracked)), t)

    # batchnorm2d_eval: three more training forwards to move the running stats, then eval mode.
    for _ in range(3):
        bn(torch.randn(4, 3, 5, 5) * 1.5 - 0.3)
    bn.eval()
    bn.zero_grad()
    x = torch.randn(4, 3, 5, 5) * 2.0 + 0.5
    used = {"running_mean": bn.running_mean.clone(), "running_var": bn.running_var.clone()}
    t = norm_case("batchnorm2d_eval", bn, x, bn_meta, used)
    save("batchnorm2d_eval", dict(bn_meta, mode="eval",
                                  note="eval normalizes with running_mean/running_var; they do not change"), t)

    # batchnorm1d_train on (N, C) input.
    torch.manual_seed(0)
    bn1 = nn.BatchNorm1d(5, eps=1e-5, momentum=0.1)
    with torch.no_grad():
        bn1.weight.copy_(torch.randn(5) * 0.5 + 1.0)
        bn1.bias.copy_(torch.randn(5) * 0.5)
    bn1.train()
    x = torch.randn(6, 5) * 2.0 - 1.0
    before = {"running_mean_before": bn1.running_mean.clone(), "running_var_before": bn1.running_var.clone()}
    t = norm_case("batchnorm1d_train", bn1, x, bn_meta, before)
    t["running_mean"] = bn1.running_mean.clone()
    t["running_var"] = bn1.running_var.clone()
    save("batchnorm1d_train", dict(bn_meta, mode="train"), t)


def groupnorm_case():
    torch.manual_seed(0)
    gn = nn.GroupNorm(2, 6, eps=1e-5)
    with torch.no_grad():
        gn.weight.copy_(torch.randn(6) * 0.5 + 1.0)
        gn.bias.copy_(torch.randn(6) * 0.5)
    x = torch.randn(3, 6, 4, 5) * 1.5 + 0.7
    t = norm_case("groupnorm", gn, x, {})
    save("groupnorm", {"num_groups": 2, "num_channels": 6, "eps": 1e-5,
                       "note": "statistics per (sample, group) over C/G channels x H x W, biased variance"}, t)


def layernorm_case():
    torch.manual_seed(0)
    ln = nn.LayerNorm(5, eps=1e-5)
    with torch.no_grad():
        ln.weight.copy_(torch.randn(5) * 0.5 + 1.0)
        ln.bias.copy_(torch.randn(5) * 0.5)
    x = torch.randn(3, 4, 5) * 2.0 + 1.0
    t = norm_case("layernorm", ln, x, {})
    save("layernorm", {"normalized_shape": [5], "eps": 1e-5, "elementwise_affine": True}, t)


def mlp_adam_case():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(5, 7), nn.Tanh(), nn.Linear(7, 3))
    x = torch.randn(4, 5)
    target = torch.randn(4, 3)
    lr, betas, eps = 1e-2, (0.9, 0.999), 1e-8
    opt = torch.optim.Adam(model.parameters(), lr=lr, betas=betas, eps=eps, weight_decay=0.0)
    names = [n for n, _ in model.named_parameters()]
    tensors = {"x": x, "target": target}
    tensors.update({"init." + n: p.detach().clone() for n, p in model.named_parameters()})
    for step in (1, 2):
        opt.zero_grad()
        loss = F.mse_loss(model(x), target)
        loss.backward()
        tensors["loss%d" % step] = loss.detach().clone()
        tensors.update({"grad%d.%s" % (step, n): p.grad.detach().clone() for n, p in model.named_parameters()})
        opt.step()
        tensors.update({"step%d.%s" % (step, n): p.detach().clone() for n, p in model.named_parameters()})
    for n, p in model.named_parameters():
        st = opt.state[p]
        tensors["exp_avg." + n] = st["exp_avg"].clone()
        tensors["exp_avg_sq." + n] = st["exp_avg_sq"].clone()
    save("mlp_adam", {"layers": "Linear(5, 7) -> Tanh -> Linear(7, 3)", "param_names": names,
                      "linear_weight_layout": "(out_features, in_features); y = x W^T + b",
                      "loss": "mse_loss, reduction mean over all 12 elements",
                      "optimizer": "Adam", "lr": lr, "betas": list(betas), "eps": eps,
                      "weight_decay": 0.0, "amsgrad": False,
                      "adam_update": "m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; "
                                     "p -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)",
                      "order": "lossN/gradN are from the forward/backward before step N; "
                               "stepN.* are the parameters after step N"},
         tensors)


def unary_case(name, fn, x, meta):
    x = leaf(x)
    y = fn(x)
    gy = torch.randn_like(y)
    (y * gy).sum().backward()
    save(name, meta, {"x": x, "y": y, "gy": gy, "grad_x": x.grad})


def composed_cases():
    torch.manual_seed(0)
    logits = torch.randn(3, 5) * 3.0
    logits[0, 1] = 80.0
    logits[1, :] = torch.tensor([-80.0, 80.0, 79.5, -3.0, 0.0])
    logits[2, 4] = -80.0
    unary_case("log_softmax", lambda t: F.log_softmax(t, dim=1), logits,
               {"dim": 1, "note": "large logits (+-80); a stable implementation computes "
                                  "x - m - log(sum(exp(x - m))) with m = max over dim"})

    torch.manual_seed(0)
    z = torch.randn(3, 5) * 3.0
    z[0, 0] = 90.0
    z[1, :] = torch.tensor([-90.0, -91.0, -89.5, -100.0, -90.0])
    unary_case("logsumexp", lambda t: torch.logsumexp(t, dim=1), z,
               {"dim": 1, "keepdim": False, "note": "values near +-90: exp overflows float32"})

    torch.manual_seed(0)
    lg = torch.cat([torch.tensor([-100.0, -30.0, -1.0, 0.0, 1.0, 30.0, 100.0, 17.0]),
                    torch.rand(12) * 200.0 - 100.0]).reshape(4, 5)
    tg = torch.rand(4, 5)
    tg[0, :] = torch.tensor([0.0, 1.0, 0.0, 1.0, 0.5])
    tg[1, :2] = torch.tensor([1.0, 0.0])
    lg_leaf = leaf(lg)
    loss_el = F.binary_cross_entropy_with_logits(lg_leaf, tg, reduction="none")
    gy = torch.randn_like(loss_el)
    (loss_el * gy).sum().backward()
    grad_none = lg_leaf.grad.clone()
    lg_leaf2 = leaf(lg)
    loss_mean = F.binary_cross_entropy_with_logits(lg_leaf2, tg, reduction="mean")
    loss_mean.backward()
    save("bce_with_logits",
         {"formula": "max(x, 0) - x * t + log(1 + exp(-|x|))", "logits_range": [-100, 100],
          "note": "y/gy/grad_x use reduction none; loss_mean/grad_x_mean use reduction mean"},
         {"x": lg, "target": tg, "y": loss_el, "gy": gy, "grad_x": grad_none,
          "loss_mean": loss_mean, "grad_x_mean": lg_leaf2.grad})

    def wide(n):
        base = torch.tensor([-30.0, -10.0, -3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0, 10.0, 19.9, 20.1, 30.0])
        return torch.cat([base, torch.randn(n - base.numel()) * 2.0]).reshape(3, n // 3)

    torch.manual_seed(0)
    unary_case("gelu", lambda t: F.gelu(t, approximate="none"), wide(21),
               {"approximate": "none", "formula": "x * 0.5 * (1 + erf(x / sqrt(2)))"})
    torch.manual_seed(0)
    unary_case("silu", F.silu, wide(21), {"formula": "x * sigmoid(x)"})
    torch.manual_seed(0)
    unary_case("softplus", lambda t: F.softplus(t, beta=1.0, threshold=20.0), wide(21),
               {"beta": 1.0, "threshold": 20.0,
                "formula": "log(1 + exp(beta x)) / beta; x itself where beta x > threshold"})


def main():
    conv2d_case("conv2d", (2, 3, 7, 6), (4, 3, 3, 3), (2, 2), (1, 1), (1, 1))
    conv2d_case("conv2d_dilated", (1, 2, 9, 8), (3, 2, 3, 2), (1, 1), (2, 1), (2, 2))
    conv_transpose2d_case()
    batchnorm_cases()
    groupnorm_case()
    mlp_adam_case()
    layernorm_case()
    composed_cases()


if __name__ == "__main__":
    main()
