#!/usr/bin/env python3
"""How close is a face generator to the real faces? A yardstick.

    python -m gantools.evaluate [--weights data/generator.h5 ...]

All measures work in the normalised space of task 3, on flattened faces
(k, 256). The 10,000 real faces are split once, by the seed (0 unless
told otherwise), into a reference half A and a held-out half B. PCA bases
and the PCA generator are fitted on A; fakes are compared with B:

- SWD x 100: sliced Wasserstein distance, the mean over 512 random unit
  directions of the 1-D Wasserstein distance between the projections;
- 1-NN accuracy: leave-one-out 1-nearest-neighbour two-sample accuracy on
  1,000 fakes + 1,000 of B (0.5 ideal, 1.0 perfectly separable);
- KS: Kolmogorov-Smirnov distance between the distributions of the sum of
  squares of the 49 standardised principal coordinates of fakes and of B
  (the statistic of the course's appendix; chi-squared_49 if independent);
- spread: the fakes' mean sum of squares divided by B's (1 ideal; below 1
  the fakes huddle too close to the mean face, whatever the KS says);
- offset: mean pixel of the fakes minus mean pixel of B.

The real-data floor row compares A itself with B.
"""
import math

import numpy as np

N_DIRECTIONS = 512
N_NEIGHBOURS_SAMPLE = 1000
N_COORDINATES = 49


def flatten(faces):
    """Return faces (k, 16, 16[, 1]) as float64 rows (k, 256)."""
    faces = np.asarray(faces, dtype="float64")
    return faces.reshape(len(faces), -1)


def split_halves(normalized, seed=0):
    """Split the real faces into two disjoint random halves (A, B)."""
    order = np.random.default_rng(seed).permutation(len(normalized))
    half = len(normalized) // 2
    return normalized[order[:half]], normalized[order[half:]]


class PCABasis:
    """Principal components of a cloud of faces, by singular values.

    coordinates(x) gives the first `depth` principal coordinates, each
    divided by its standard deviation on the fitted cloud: uncorrelated,
    of mean 0 and variance 1 on that cloud.
    """

    def __init__(self, faces, depth):
        """Fit the basis on faces (k, ...): mean, components, stds."""
        rows = flatten(faces)
        self.mean = rows.mean(axis=0)
        _, singular, components = np.linalg.svd(rows - self.mean,
                                                full_matrices=False)
        self.components = components[:depth]
        self.stds = singular[:depth] / math.sqrt(len(rows))

    def coordinates(self, faces):
        """Return the standardised principal coordinates (k, depth)."""
        return (flatten(faces) - self.mean) @ self.components.T / self.stds

    def faces(self, coordinates, shape):
        """Map standardised coordinates (k, depth) back to faces."""
        rows = (coordinates * self.stds) @ self.components + self.mean
        return rows.reshape((len(rows),) + tuple(shape))


class PCAGenerator:
    """The appendix's PCA generator: independent normal coordinates.

    A fake is mean + sum_i s_i * e_i * I_i with e_i ~ N(0, 1) independent,
    I_i the first `depth` principal components and s_i their stds.
    """

    def __init__(self, faces, depth=128):
        """Fit the principal components of `faces` (k, ...)."""
        self.shape = np.shape(faces)[1:]
        self.basis = PCABasis(faces, depth)

    def fake_sample(self, size, rng):
        """Return `size` fake faces drawn with numpy Generator `rng`."""
        coordinates = rng.standard_normal((size, len(self.basis.stds)))
        return self.basis.faces(coordinates, self.shape)

    def reconstruct(self, faces):
        """Project faces on the first `depth` components and back."""
        return self.basis.faces(self.basis.coordinates(faces), self.shape)


def sum_of_squares(coordinates):
    """Row sums of squared coordinates: chi-squared if independent N(0,1)."""
    return np.sum(np.square(coordinates), axis=1)


def chi2_pdf(x, k):
    """Density of the chi-squared distribution with k degrees of freedom."""
    x = np.asarray(x, dtype="float64")
    log_pdf = ((k / 2 - 1) * np.log(np.maximum(x, 1e-300)) - x / 2
               - k / 2 * math.log(2) - math.lgamma(k / 2))
    return np.where(x > 0, np.exp(log_pdf), 0.)


def ks_distance(a, b):
    """Two-sample Kolmogorov-Smirnov statistic: max |F_a - F_b|."""
    a, b = np.sort(a), np.sort(b)
    points = np.concatenate([a, b])
    cdf_a = np.searchsorted(a, points, side="right") / len(a)
    cdf_b = np.searchsorted(b, points, side="right") / len(b)
    return float(np.max(np.abs(cdf_a - cdf_b)))


def sliced_wasserstein(a, b, rng, directions=N_DIRECTIONS):
    """Mean over random unit directions of W1 between the projections.

    a and b hold the same number of rows; W1 between two equal-size 1-D
    samples is the mean absolute difference of their sorted values.
    """
    a, b = flatten(a), flatten(b)
    if len(a) != len(b):
        raise ValueError(f"samples of {len(a)} and {len(b)} rows")
    units = rng.standard_normal((a.shape[1], directions))
    units /= np.linalg.norm(units, axis=0)
    projected_a = np.sort(a @ units, axis=0)
    projected_b = np.sort(b @ units, axis=0)
    return float(np.mean(np.abs(projected_a - projected_b)))


def nearest_neighbour_accuracy(a, b):
    """Leave-one-out 1-NN accuracy of telling rows of a from rows of b."""
    rows = np.concatenate([flatten(a), flatten(b)])
    labels = np.concatenate([np.zeros(len(a)), np.ones(len(b))])
    squared = np.sum(rows ** 2, axis=1)
    distances = squared[:, None] + squared[None, :] - 2 * rows @ rows.T
    np.fill_diagonal(distances, np.inf)
    return float(np.mean(labels[np.argmin(distances, axis=1)] == labels))


class Yardstick:
    """The measures above, with the real halves and bases fitted once."""

    def __init__(self, normalized, seed=0):
        """Split the real faces and fit the 49-coordinate PCA on half A."""
        self.reference, self.held_out = split_halves(normalized, seed)
        self.seed = seed
        self.basis = PCABasis(self.reference, N_COORDINATES)
        self.held_out_coordinates = self.basis.coordinates(self.held_out)
        self.held_out_sums = sum_of_squares(self.held_out_coordinates)

    def measure(self, fakes):
        """Return {swd, nn, ks, spread, offset} of fakes (k, ...) against
        half B."""
        rng = np.random.default_rng(self.seed)
        count = min(len(fakes), len(self.held_out))
        fakes = flatten(fakes)[:count]
        held_out = flatten(self.held_out)[:count]
        pairs = N_NEIGHBOURS_SAMPLE
        sums = sum_of_squares(self.basis.coordinates(fakes))
        return {
            "swd": 100 * sliced_wasserstein(fakes, held_out, rng),
            "nn": nearest_neighbour_accuracy(fakes[:pairs],
                                             held_out[:pairs]),
            "ks": ks_distance(sums, self.held_out_sums),
            "spread": float(sums.mean() / self.held_out_sums.mean()),
            "offset": float(fakes.mean() - held_out.mean()),
        }

    def variance_ratios(self, fakes):
        """Return (49,): each standardised principal coordinate's variance
        on the fakes (k, ...) divided by its variance on half B."""
        return (self.basis.coordinates(fakes).var(axis=0)
                / self.held_out_coordinates.var(axis=0))
