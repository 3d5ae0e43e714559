#!/usr/bin/env python3
"""Task 0 demo: a Simple_GAN learns a circle (2-D), then four clouds (5-D).

Both runs follow the course: networks of shape [1, 10, 10, 2] and
[2, 10, 10, 5], 1000 real points, 16 epochs of 100 steps, learning rate
.001. Figures: 0-circle.png (real vs fake, critic, losses) and
0-four_clouds.png (the six views of visualize_5D).
"""
from gantools import task
from gantools.demo import (demo_parser, four_clouds_demo, output,
                           parse_demo, saved)
from gantools.networks import train_gan
from gantools.plots import visualize_2D
from gantools.randomness import set_seeds
from gantools.toy import circle_example

Simple_GAN = task("0-simple_gan").Simple_GAN


def main():
    """Train and draw the two course examples."""
    args = parse_demo(demo_parser(__doc__))
    epochs, steps = (2, 5) if args.quick else (16, 100)

    set_seeds(args.seed)
    G = train_gan(Simple_GAN, circle_example(1000), [1, 10, 10, 2], epochs,
                  steps, learning_rate=.001)
    saved(visualize_2D(G, f"Simple_GAN on the circle, {epochs} x {steps} "
                       "steps", output(args, "0-circle.png"), args.show))

    four_clouds_demo(Simple_GAN, args, "0-four_clouds.png")


if __name__ == "__main__":
    main()
