#!/usr/bin/python3
"""Golden values from PyTorch for genlab.models.vae (MlpVae, Elbo, GaussianPosterior, ReconstructionLoss).

How to run (from the repository root), as make_golden.py:

    apt-get install -y python3-torch
    /usr/bin/python3 test-data/golden/make_vae_golden.py

Writes test-data/golden/vae_mlp.json in make_golden.py's format. The model is the PyTorch
examples' VAE (fc1, fc21, fc22, fc3, fc4) made small: D = 12 (images (1, 3, 4)), H = 8, L = 3,
a batch of 4 grey images x in [0, 1) and fixed reparameterization noise eps. For each loss
(BCE-sum and MSE-sum, as in the seed notes, with beta = 1 and beta = 2.5) it stores the loss,
its two terms and the gradients of the loss with respect to every parameter.
"""
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import save  # noqa: E402  (same file format and meta)

torch.set_num_threads(1)


class VAE(nn.Module):
    def __init__(self, d, h, l):
        super().__init__()
        self.fc1 = nn.Linear(d, h)
        self.fc21 = nn.Linear(h, l)
        self.fc22 = nn.Linear(h, l)
        self.fc3 = nn.Linear(l, h)
        self.fc4 = nn.Linear(h, d)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def decode(self, z):
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))


def main():
    torch.manual_seed(0)
    d, h, l, b = 12, 8, 3, 4
    model = VAE(d, h, l)
    x = torch.rand(b, 1, 3, 4)
    eps = torch.randn(b, l)
    tensors = {"x": x, "eps": eps}
    for name, p in model.named_parameters():
        tensors["init." + name] = p.detach().clone()
    for loss_name in ("bce", "mse"):
        for beta in (1.0, 2.5):
            model.zero_grad()
            mu, logvar = model.encode(x.view(b, -1))
            z = mu + torch.exp(0.5 * logvar) * eps
            xhat = model.decode(z).view(b, 1, 3, 4)
            if loss_name == "bce":
                rec = F.binary_cross_entropy(xhat, x, reduction="sum")
            else:
                rec = F.mse_loss(xhat, x, reduction="sum")
            kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
            loss = rec + beta * kl
            loss.backward()
            tag = "%s_beta%s" % (loss_name, beta)
            if loss_name == "bce" and beta == 1.0:
                tensors.update({"mu": mu, "logvar": logvar, "z": z, "xhat": xhat})
            tensors[tag + ".loss"] = loss
            tensors[tag + ".rec"] = rec
            tensors[tag + ".kl"] = kl
            for name, p in model.named_parameters():
                tensors[tag + ".grad." + name] = p.grad.detach().clone()
    save("vae_mlp", {"model": "PyTorch examples VAE, D=12 H=8 L=3, images (1, 3, 4)", "batch": b,
                     "losses": "rec + beta*KL, rec = binary_cross_entropy or mse_loss with reduction sum",
                     "kl": "-0.5 * sum(1 + logvar - mu^2 - exp(logvar))", "z": "mu + exp(0.5 logvar) * eps"}, tensors)


if __name__ == "__main__":
    main()
