#!/usr/bin/env python3
"""Measures of how well fakes reproduce the course's reference clouds.

Cloud in the corner: the real points x in R^N are .8 + sigma * eps with
eps ~ N(0, I_N); write C = (.8, ..., .8). For a sample of S points:

    msdcc = (1/S) sum_s ||x_s - C||^2          E[msdcc] = N sigma^2
    dbc   = ||(1/S) sum_s x_s - C||^2          E[dbc]   = N sigma^2 / S

A generator collapsed onto C has msdcc ~ 0; one whose cloud sits away
from C has a large dbc. Both near their expectations is the goal.

Faces appendix: the sum of the squares of k standardised principal
coordinates follows chi-squared_k if the coordinates are independent
N(0, 1); its histogram tells whether they are.
"""
import numpy as np

from gantools.evaluation import PCABasis, ks_distance, sum_of_squares
from gantools.toy import CORNER


def mean_squared_dist_cloud_to_center(cloud, center=CORNER):
    """Return msdcc = mean over rows of ||x - center||^2; cloud (S, N)."""
    cloud = np.asarray(cloud, dtype="float64")
    return float(np.mean(np.sum(np.square(cloud - center), axis=1)))


def squared_dist_barycenter_to_center(cloud, center=CORNER):
    """Return dbc = ||mean of the rows - center||^2; cloud (S, N)."""
    cloud = np.asarray(cloud, dtype="float64")
    return float(np.sum(np.square(cloud.mean(axis=0) - center)))


def expected_mean_squared_dist_cloud_to_center(dim, sigma):
    """Return E[msdcc] = N sigma^2 for the cloud N(C, sigma^2 I_N)."""
    return dim * sigma ** 2


def expected_squared_dist_barycenter_to_center(dim, sigma, size):
    """Return E[dbc] = N sigma^2 / S for S points of N(C, sigma^2 I_N)."""
    return dim * sigma ** 2 / size


def principal_sums_of_squares(faces, depth=49, rng=None):
    """Sum of squares of the `depth` standardised principal coordinates.

    The principal basis is fitted on `faces` (k, ...) itself, so the
    coordinates have mean 0 and variance 1 on it; returns (k,). With a
    numpy Generator `rng`, each coordinate column is shuffled on its own
    first: this keeps every column's distribution but makes the columns
    independent, which is what chi-squared_depth assumes.
    """
    coordinates = PCABasis(faces, depth).coordinates(faces)
    if rng is not None:
        coordinates = rng.permuted(coordinates, axis=0)
    return sum_of_squares(coordinates)


def ks_to_chi2(sums, degrees, rng, reference_size=1_000_000):
    """Kolmogorov-Smirnov distance between sums and chi-squared_degrees.

    The chi-squared law is represented by `reference_size` draws of numpy
    Generator `rng` (no scipy here): with 10^6 draws its own error is
    about 0.001.
    """
    return ks_distance(sums, rng.chisquare(degrees, reference_size))
