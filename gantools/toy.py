#!/usr/bin/env python3
"""The course's toy distributions of real examples.

- circle: points on the circle of centre (.5, .5) and radius .3 in R^2;
- four clouds: four small Gaussian clouds in the plane, each point
  carrying a colour (R, G, B) computed from its position, so a point of
  R^5 can be drawn as a coloured dot;
- cloud in the corner: a Gaussian cloud of centre C = (.8, ..., .8) in
  [0, 1]^N, a test that simple GANs fail in high dimension.

The numpy-based distributions draw from numpy's global generator, so
`gantools.randomness.set_seeds` makes them reproducible.
"""
import numpy as np

from gantools.randomness import spheric_generator

CORNER = .8


def circle_example(k):
    """Return k points (k, 2) float32 uniform on the circle C((.5, .5), .3).

    x = .5 + .3 * u with u uniform on the unit circle (a tf.Tensor).
    """
    return spheric_generator(k, 2) * .3 + .5


def four_clouds_example(n_real):
    """Return n_real points (n_real, 5) float64: positions and colours.

    (X, Y) lies in one of four clouds of standard deviation .05 centred at
    (.75, .75), (.75, .25), (.25, .75), (.25, .25), a quarter of the points
    each; the colour is R = min(X^2, 1), G = min(Y^2, 1),
    B = max(1 - R - G, 0). Rows are [X, Y, R, G, B].
    """
    x = np.random.randn(n_real) * .05
    y = np.random.randn(n_real) * .05
    half, quarter = n_real // 2, n_real // 4
    x[:half] += .75
    x[half:] += .25
    y[quarter:half] += .25
    y[:quarter] += .75
    y[half:3 * n_real // 4] += .75
    y[3 * n_real // 4:] += .25
    red = np.minimum(x * x, 1)
    green = np.minimum(y * y, 1)
    blue = np.maximum(1 - red - green, 0)
    return np.vstack([x, y, red, green, blue]).T


def cloud_in_the_corner(dim, sigma, size):
    """Return `size` points (size, dim) float32 of N(C, sigma^2 I), C = .8.

    Each coordinate is .8 + sigma * eps with eps standard normal.
    """
    cloud = CORNER + sigma * np.random.randn(size, dim)
    return cloud.astype("float32")
