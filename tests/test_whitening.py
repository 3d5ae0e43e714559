#!/usr/bin/env python3
"""The whitened view of gantools.whitening, against hand computation."""
import numpy as np
import pytest
import tensorflow as tf
from tensorflow import keras

from gantools.whitening import (Whitening, whiten, whitened_generator,
                                zca_matrix)


def pictures(rows=3000, seed=0):
    """Return (rows, 3, 3, 1) correlated pictures with unequal variances."""
    rng = np.random.default_rng(seed)
    mixing = rng.standard_normal((9, 9)) * np.geomspace(3, .01, 9)
    return (rng.standard_normal((rows, 9)) @ mixing.T + 2).reshape(
        rows, 3, 3, 1)


def test_principal_variances_after_whitening():
    """Direction i of variance l_i comes out with variance
    l_bar l_i / (l_i + l_k): the first k comparable, the rest small."""
    faces = pictures()
    depth = 4
    rows = faces.reshape(len(faces), -1)
    variances, components = np.linalg.eigh(np.cov(rows.T, bias=True))
    variances, components = variances[::-1], components[:, ::-1]
    mean, matrix = zca_matrix(faces, depth)
    assert np.allclose(mean, rows.mean(axis=0))
    assert np.allclose(matrix, matrix.T)
    whitened = whiten(faces, mean, matrix).reshape(len(faces), -1)
    assert np.allclose(whitened.mean(axis=0), 0, atol=1e-5)
    covariance = components.T @ np.cov(whitened.T, bias=True) @ components
    expected = (variances[:depth].mean() * variances
                / (variances + variances[depth - 1]))
    assert np.allclose(covariance, np.diag(expected), rtol=1e-4,
                       atol=1e-6 * expected.max())
    assert expected[:depth].min() > expected[:depth].max() / 2


def test_zca_depth_is_checked():
    """Depth 0 or beyond the pixel count is refused."""
    for depth in (0, 10):
        with pytest.raises(ValueError, match="depth"):
            zca_matrix(pictures(), depth)


def test_layer_matches_numpy_and_keeps_the_shape():
    """Whitening (in the graph) equals whiten (numpy), shape kept."""
    faces = pictures(50)
    mean, matrix = zca_matrix(pictures(), 4)
    layer = Whitening(mean, matrix)
    assert not layer.weights
    out = layer(tf.constant(faces, "float32")).numpy()
    assert out.shape == faces.shape
    assert np.allclose(out, whiten(faces, mean, matrix), atol=1e-4)


def test_whitened_generator_shares_the_weights():
    """Same weights, no new ones; output = whiten(generator(z))."""
    latent = keras.Input(shape=(2,))
    generator = keras.Model(latent, keras.layers.Reshape((3, 3, 1))(
        keras.layers.Dense(9)(latent)))
    mean, matrix = zca_matrix(pictures(), 4)
    wrapped = whitened_generator(generator, mean, matrix)
    assert len(wrapped.weights) == len(generator.weights)
    assert all(a is b for a, b in zip(wrapped.weights, generator.weights))
    z = np.random.default_rng(1).standard_normal((5, 2)).astype("float32")
    expected = whiten(generator(z).numpy(), mean, matrix)
    assert np.allclose(wrapped(z).numpy(), expected, atol=1e-4)
