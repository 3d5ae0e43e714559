#!/usr/bin/env python3
"""Task 1 demo: a WGAN_clip learns the four clouds of R^5.

As in the course: networks [2, 10, 10, 5], 1000 real points, 16 epochs of
100 steps, learning rate .001. Figure: 1-four_clouds.png.
"""
from gantools import task
from gantools.demo import demo_parser, four_clouds_demo, parse_demo

WGAN_clip = task("1-wgan_clip").WGAN_clip


def main():
    """Train a WGAN_clip on the four clouds and draw it."""
    four_clouds_demo(WGAN_clip, parse_demo(demo_parser(__doc__)),
                     "1-four_clouds.png")


if __name__ == "__main__":
    main()
