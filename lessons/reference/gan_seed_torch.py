"""The seed notes' MLP GAN in PyTorch, to check that `lessons/run gan --recipe seed` reproduces it.

Same recipe as ../shared/bench/torch_reference.py (gan_mlp), trained for full epochs:
G 100-256-512-784 (ReLU, Tanh), D 784-512-256-1 (LeakyReLU 0.01, Sigmoid), BCELoss, Adam(1e-4),
batch 64 with shuffling, images scaled to [-1, 1]. Writes 10,000 samples in [0, 1] as .npy, which
`lessons/run evaluate --samples FILE` scores with the project's classifier.

  apt-get install -y python3-torch libopenblas0-pthread
  OMP_NUM_THREADS=1 python3 lessons/reference/gan_seed_torch.py EPOCHS OUT.npy   (from the project root)
"""
import os, sys, time, numpy as np, torch, torch.nn as nn
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'bench'))
from mnist_idx import load

torch.set_num_threads(int(os.environ.get('OMP_NUM_THREADS', '1'))); torch.manual_seed(0)
epochs, out = int(sys.argv[1]), sys.argv[2]
x = load('train')[0].view(-1, 784) * 2 - 1
G = nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(), nn.Linear(512, 784), nn.Tanh())
D = nn.Sequential(nn.Linear(784, 512), nn.LeakyReLU(), nn.Linear(512, 256), nn.LeakyReLU(), nn.Linear(256, 1), nn.Sigmoid())
og, od, bce = torch.optim.Adam(G.parameters(), 1e-4), torch.optim.Adam(D.parameters(), 1e-4), nn.BCELoss()
start = time.perf_counter()
for e in range(epochs):
    perm, sd, sg, n = torch.randperm(60000), 0.0, 0.0, 0
    for i in range(0, 60000 - 63, 64):
        img = x[perm[i:i + 64]]
        od.zero_grad(); r = D(img); l1 = bce(r, torch.ones_like(r)); l1.backward()
        g = G(torch.randn(64, 100)); f = D(g.detach()); l2 = bce(f, torch.zeros_like(f)); l2.backward(); od.step()
        og.zero_grad(); f = D(g); lg = bce(f, torch.ones_like(f)); lg.backward(); og.step()
        sd += (l1 + l2).item(); sg += lg.item(); n += 1
    print('epoch %d/%d: L_D %.4f, L_G %.4f (%.0f s)' % (e + 1, epochs, sd / n, sg / n, time.perf_counter() - start), flush=True)
with torch.no_grad():
    s = (G(torch.randn(10000, 100)).view(-1, 1, 28, 28) + 1) / 2
np.save(out, s.clamp(0, 1).numpy().astype(np.float32))
print('wrote', out)
