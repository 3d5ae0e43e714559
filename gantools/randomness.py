#!/usr/bin/env python3
"""Seeds and the course's three latent generators.

Each latent generator maps a count k to k latent vectors of shape (k, dim):
standard normal, uniform on [0, 1]^dim, or uniform on the unit sphere.
"""
import random

import numpy as np
import tensorflow as tf


def set_seeds(seed):
    """Seed python's, numpy's and TensorFlow's random generators."""
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)


def normal_generator(nb_points, dim):
    """Return (nb_points, dim) standard normal latent vectors."""
    return tf.random.normal(shape=(nb_points, dim))


def uniform_generator(nb_points, dim):
    """Return (nb_points, dim) latent vectors uniform on [0, 1]^dim."""
    return tf.random.uniform(shape=(nb_points, dim))


def spheric_generator(nb_points, dim):
    """Return (nb_points, dim) latent vectors uniform on the unit sphere.

    A normal vector divided by its norm (1e-8 keeps 0 away from 0/0).
    """
    u = tf.random.normal(shape=(nb_points, dim))
    norms = tf.sqrt(tf.reduce_sum(tf.square(u), axis=1, keepdims=True)
                    + 1e-8)
    return u / norms


LATENT_GENERATORS = {"normal": normal_generator,
                     "uniform": uniform_generator,
                     "spheric": spheric_generator}


def latent_generator(latent_type, dim):
    """Return k -> (k, dim) latent vectors of the given type.

    latent_type: "normal", "uniform" or "spheric".
    """
    if latent_type not in LATENT_GENERATORS:
        raise ValueError(f"latent_type must be one of "
                         f"{sorted(LATENT_GENERATORS)}, got {latent_type!r}")
    draw = LATENT_GENERATORS[latent_type]
    return lambda k: draw(k, dim)
