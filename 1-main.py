#!/usr/bin/env python3
"""Task 1 demo: a WGAN_clip learns the four clouds of R^5.

As in the course: networks [2, 10, 10, 5], 1000 real points, 16 epochs of
100 steps, learning rate .001. Figure: 1-four_clouds.png.
"""
from gantools import task
from gantools.demo import demo_parser, output, parse_demo, saved
from gantools.networks import train_gan
from gantools.plots import visualize_5D
from gantools.randomness import set_seeds
from gantools.toy import four_clouds_example

WGAN_clip = task("1-wgan_clip").WGAN_clip


def main():
    """Train a WGAN_clip on the four clouds and draw it."""
    args = parse_demo(demo_parser(__doc__))
    epochs, steps = (2, 5) if args.quick else (16, 100)

    set_seeds(args.seed)
    G = train_gan(WGAN_clip, four_clouds_example(1000), [2, 10, 10, 5],
                  epochs, steps, learning_rate=.001)
    saved(visualize_5D(G, f"WGAN_clip on four clouds, {epochs} x {steps} "
                       "steps", output(args, "1-four_clouds.png"), args.show,
                       size=1000 if args.quick else 10000))


if __name__ == "__main__":
    main()
