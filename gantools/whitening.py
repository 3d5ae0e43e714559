#!/usr/bin/env python3
"""A whitened view of the faces, for a critic that weighs every principal
direction alike.

A critic held to gradients of norm 1 in pixel space measures the
Wasserstein distance with the pixels' Euclidean cost, in which the fine
principal directions of the faces (eyes, mouth: small variance) weigh
little: a generator can leave them under-dispersed at almost no cost.
ZCA whitening x -> W (x - mean), W = U diag(s) U^T with U the principal
components (columns) and variances l_i of the faces, rescales each
principal direction without moving the pixels about, so the pictures
still suit a convolutional critic. With s_i = sqrt(l_bar / (l_i + l_k)),
l_bar the mean of the first k variances and l_k the k-th variance, the
first k directions get comparable variances (l_bar l_i / (l_i + l_k)) and
the directions beyond the k-th, mostly noise, stay small.
"""
import numpy as np
import tensorflow as tf
from tensorflow import keras

from gantools.evaluation import PCABasis

DEPTH = 49


def zca_matrix(faces, depth=DEPTH):
    """Return (mean (d,), W (d, d)) of the regularised ZCA whitening.

    faces: (n, ...) pictures, flattened to d = 256 pixels. W is symmetric.
    """
    pixels = int(np.prod(np.shape(faces)[1:]))
    if not 0 < depth <= pixels:
        raise ValueError(f"depth must lie in [1, {pixels}], got {depth}")
    basis = PCABasis(faces, depth=pixels)
    variances = np.square(basis.stds)
    scales = np.sqrt(variances[:depth].mean()
                     / (variances + variances[depth - 1]))
    return basis.mean, (basis.components.T * scales) @ basis.components


def whiten(faces, mean, matrix):
    """Return the whitened faces W (x - mean), float32, in faces' shape."""
    faces = np.asarray(faces)
    rows = faces.reshape(len(faces), -1) - mean
    return (rows @ matrix.T).reshape(faces.shape).astype("float32")


class Whitening(keras.layers.Layer):
    """The fixed map x -> W (x - mean) on pictures, shape kept."""

    def __init__(self, mean, matrix, **kwargs):
        """Hold mean (d,) and W (d, d) as constants (no weights)."""
        super().__init__(trainable=False, **kwargs)
        self.mean = tf.constant(mean, "float32")
        self.matrix = tf.constant(np.transpose(matrix), "float32")

    def call(self, pictures):
        """Whiten a batch of pictures (k, ...) into the same shape."""
        rows = tf.reshape(pictures, (tf.shape(pictures)[0], -1))
        whitened = tf.matmul(rows - self.mean, self.matrix)
        return tf.reshape(whitened, tf.shape(pictures))


def whitened_generator(generator, mean, matrix):
    """Return a model: latent vectors -> whitened generator(latent).

    It shares the generator's layers and weights, and adds none.
    """
    latent = keras.Input(shape=generator.input_shape[1:])
    pictures = Whitening(mean, matrix)(generator(latent))
    return keras.Model(latent, pictures, name="whitened_generator")
