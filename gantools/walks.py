#!/usr/bin/env python3
"""Walks in the latent space of a generator, drawn as strips and GIFs.

A walk is an array (n, d) of latent vectors; the generator turns it into
n pictures that change gradually when the generator is smooth.

- segment: the straight line from a to b;
- star: from a centre out to several ends and back, one spoke each;
- circle: cos(t) a + sin(t) b for t in [0, 2 pi), a closed loop. When a
  and b are independent N(0, I) vectors, every point of the circle is
  again N(0, I) (cos^2 + sin^2 = 1), so the whole walk stays as typical
  as the latent vectors the generator was trained on, unlike a segment,
  whose middle points are shorter than typical.
"""
import numpy as np

from gantools.plots import animate, face_grid, plt


def segment(a, b, n):
    """Return n points (n, d) evenly spaced from a (first) to b (last)."""
    weights = np.linspace(0, 1, n)[:, None]
    return (1 - weights) * np.asarray(a) + weights * np.asarray(b)


def star_walk(centre, ends, n):
    """Return the walk centre -> end -> centre for each row of `ends`.

    Each spoke goes out in n points (centre and end included) and back
    without repeating the end or the centre, so the next spoke starts at
    the centre and the walk loops: 2n - 2 points per spoke, (k(2n-2), d).
    """
    spokes = [np.concatenate([segment(centre, end, n),
                              segment(end, centre, n)[1:-1]])
              for end in np.asarray(ends)]
    return np.concatenate(spokes)


def circle_walk(a, b, n):
    """Return n points (n, d): cos(t) a + sin(t) b, t = 2 pi i / n.

    The first point is a and the point after the last would be a again,
    so played in a loop the walk has no jump.
    """
    angles = 2 * np.pi * np.arange(n)[:, None] / n
    return np.cos(angles) * np.asarray(a) + np.sin(angles) * np.asarray(b)


def walk_pictures(generator, walk, recover):
    """Return the pictures (n, h, w) of walk (n, d) through the generator.

    recover maps the generator's output back to pictures in [0, 1].
    """
    latent = np.asarray(walk, dtype="float32")
    return recover(np.asarray(generator(latent, training=False)))


def walk_strip(pictures, title, path=None, show=False):
    """Draw the pictures (n, h, w) of a walk in one row; return path."""
    return face_grid(pictures, title, path=path, show=show,
                     columns=len(pictures))


def walk_gif(pictures, title, path, seconds_per_frame=.1):
    """Write the pictures (n, h, w) of a walk as a looping GIF at path."""
    fig, ax = plt.subplots(figsize=(2.4, 2.7))
    image = ax.imshow(np.clip(pictures[0], 0, 1), cmap="gray", vmin=0,
                      vmax=1)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title, fontsize=8)
    label = ax.set_xlabel("")

    def draw(index):
        """Show frame `index` and say where the walk is."""
        image.set_data(np.clip(pictures[index], 0, 1))
        label.set_text(f"step {index + 1}/{len(pictures)}")
        return image, label

    return animate(fig, draw, len(pictures), path, seconds_per_frame)
