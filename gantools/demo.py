#!/usr/bin/env python3
"""The command line shared by the demos 0-main.py ... 4-main.py.

Every demo takes --quick (a run of seconds, for the tests), --out (the
folder of its figures), --show (also open the figures) and --seed, and
prints the path of each file it writes.
"""
import argparse
import os
import sys

from gantools.faces import Faces
from gantools.networks import train_gan
from gantools.plots import visualize_5D
from gantools.randomness import set_seeds
from gantools.toy import four_clouds_example


def demo_parser(doc):
    """Return a parser with the four common options; doc describes it."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="tiny training and samples, for the tests")
    parser.add_argument("--out", default="outputs",
                        help="folder of the figures (default: outputs/)")
    parser.add_argument("--show", action="store_true",
                        help="also show each figure in a window")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of every random generator (default 0)")
    return parser


def parse_demo(parser, argv=None):
    """Parse the command line and make sure the output folder exists."""
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    return args


def output(args, name):
    """Return the path of the output file `name` in args.out."""
    return os.path.join(args.out, name)


def saved(path):
    """Print the path of a file just written, and return it."""
    print(f"saved {path}", flush=True)
    return path


def load_faces():
    """Return gantools.faces.Faces(), or exit saying how to get the file."""
    try:
        return Faces()
    except (FileNotFoundError, ValueError) as error:
        sys.exit(str(error))


def four_clouds_demo(gan_class, args, name):
    """Train gan_class on the four clouds and save visualize_5D as `name`.

    The course's settings: networks [2, 10, 10, 5], 1,000 real points, 16
    epochs of 100 steps (2 of 5 with --quick), learning rate .001.
    """
    epochs, steps = (2, 5) if args.quick else (16, 100)
    set_seeds(args.seed)
    G = train_gan(gan_class, four_clouds_example(1000), [2, 10, 10, 5],
                  epochs, steps, learning_rate=.001)
    return saved(visualize_5D(
        G, f"{gan_class.__name__} on four clouds, {epochs} x {steps} steps",
        output(args, name), args.show, size=1000 if args.quick else 10000))
