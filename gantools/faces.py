#!/usr/bin/env python3
"""The course's 10,000 greyscale 16x16 faces, normalised as in task 3.

A face p (values in [0, 1]) becomes (p - mean_face) / multiplier, where
multiplier is the per-pixel maximum of |p| over the data set; `recover`
inverts this map. The file is third-party data: `make data` copies it
from ../shared/data/ into data/.
"""
import os

import numpy as np

from gantools import REPO_ROOT

FACES_PATH = os.path.join(REPO_ROOT, "data", "small_res_faces_10000.npy")
FACES_SHAPE = (16, 16)


class Faces:
    """Normalised faces of shape (n, 16, 16, 1) and the map back to [0, 1].

    Attributes: pictures (n, 16, 16) in [0, 1]; mean_face and multiplier
    (16, 16); normalized (n, 16, 16, 1) float32, the GAN's real examples.
    """

    def __init__(self, path=FACES_PATH):
        """Load and normalise the faces stored at `path`."""
        self.pictures = load_pictures(path)
        self.mean_face = self.pictures.mean(axis=0)
        self.multiplier = np.max(np.abs(self.pictures), axis=0)
        centered = self.pictures - self.mean_face
        self.normalized = (centered / self.multiplier)[..., None]

    def recover(self, normalized):
        """Map normalised faces (k, 16, 16[, 1]) to pictures (k, 16, 16)."""
        normalized = np.asarray(normalized).reshape((-1,) + FACES_SHAPE)
        return normalized * self.multiplier + self.mean_face


def load_pictures(path=FACES_PATH):
    """Return the faces at `path` as float32 pictures (n, 16, 16) in [0, 1].

    Raises FileNotFoundError or ValueError saying where to get the file.
    """
    how = ("the course's faces ship beside this repository as "
           "../shared/data/small_res_faces_10000.npy: run `make data` to "
           f"copy them to {FACES_PATH}")
    if not os.path.isfile(path):
        raise FileNotFoundError(f"no faces file at {path}; {how}")
    array = np.load(path)
    if array.ndim != 3 or array.shape[1:] != FACES_SHAPE:
        raise ValueError(f"{path} holds an array of shape {array.shape}, "
                         f"not (n, 16, 16) faces; {how}")
    return array.astype("float32") / 255
