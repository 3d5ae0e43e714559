#!/usr/bin/env python3
"""Print the yardstick table for face generators saved as .h5 weights.

    python -m gantools.evaluate [--weights data/generator.h5 ...]

Rows: the real-data floor (half A of the real faces against half B), the
PCA generator of the course's appendix (depth 128, fitted on half A), then
one row per weight file, each generating 5,000 fakes from normal latent
vectors. See gantools/evaluation.py for the measures.
"""
import argparse
import os

import numpy as np
import tensorflow as tf

from gantools import REPO_ROOT, task
from gantools.evaluation import PCAGenerator, Yardstick
from gantools.faces import Faces
from gantools.networks import generate
from gantools.plots import variance_ratio_curves

COLUMNS = (("swd", "SWD x100", "{:.2f}"), ("nn", "1-NN acc.", "{:.3f}"),
           ("ks", "KS", "{:.3f}"), ("spread", "spread", "{:.3f}"),
           ("offset", "offset", "{:+.4f}"))
DEFAULT_WEIGHTS = os.path.join(REPO_ROOT, "data", "generator.h5")


def generator_fakes(weights_path, count, seed):
    """Return `count` normalised fakes (count, 16, 16, 1) of saved weights.

    The task-3 generator takes the weights through task 4's loader, which
    reads either .h5 layout; fakes use the inference mode of its
    BatchNormalization layers.
    """
    generator, _ = task("3-generate_faces").convolutional_GenDiscr()
    task("4-wgan_gp").load_weights_h5(generator, weights_path)
    latent = np.random.default_rng(seed).standard_normal((count, 16))
    return generate(generator, tf.constant(latent, "float32"))


def reference_samples(yardstick, count, seed):
    """Return [(name, samples)]: the real half A, the depth-128 PCA
    generator's fakes."""
    pca = PCAGenerator(yardstick.reference, depth=128)
    return [("real floor (half A vs half B)", yardstick.reference),
            ("PCA generator, depth 128",
             pca.fake_sample(count, np.random.default_rng(seed)))]


def format_table(rows):
    """Return rows [(name, measures)] as a Markdown table."""
    header = "| generator | " + " | ".join(c[1] for c in COLUMNS) + " |"
    lines = [header, "|---" * (len(COLUMNS) + 1) + "|"]
    for name, measures in rows:
        cells = [fmt.format(measures[key]) for key, _, fmt in COLUMNS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None):
    """Command-line entry point: print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", nargs="*", default=[DEFAULT_WEIGHTS],
                        help="generator .h5 files to evaluate")
    parser.add_argument("--fakes", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--plot", metavar="PNG",
                        help="also plot each row's variance ratio per "
                        "principal coordinate")
    args = parser.parse_args(argv)
    yardstick = Yardstick(Faces().normalized, seed=args.seed)
    samples = reference_samples(yardstick, args.fakes, args.seed)
    for path in args.weights:
        if not os.path.isfile(path):
            print(f"skipping {path}: no such file (train one with "
                  f"`make train-faces`)")
            continue
        samples.append((os.path.relpath(path),
                        generator_fakes(path, args.fakes, args.seed)))
    print(format_table([(name, yardstick.measure(sample))
                        for name, sample in samples]))
    if args.plot:
        ratios = {name: yardstick.variance_ratios(sample)
                  for name, sample in samples}
        print(variance_ratio_curves(ratios, "spread of each principal "
                                    "coordinate, fakes against real "
                                    "faces", path=args.plot))


if __name__ == "__main__":
    main()
