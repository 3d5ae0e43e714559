#!/usr/bin/env python3
"""Figures shared by the demos and the training pipeline.

Every function draws one titled figure with labelled axes and saves it to
`path`; figures are shown only when `show` is true (headless by default).
"""
import os

import matplotlib

if not os.environ.get("DISPLAY") and not os.environ.get("MPLBACKEND"):
    matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend choice)
import numpy as np  # noqa: E402


def finish_figure(fig, path=None, show=False, dpi=100):
    """Save the figure to `path` (folders made as needed), show, close."""
    if path:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        fig.savefig(path, dpi=dpi)
    if show:
        plt.show()
    plt.close(fig)
    return path


def mosaic(pictures, columns, gap=1):
    """Tile pictures (k, h, w) into one array, NaN in the gaps."""
    count, height, width = pictures.shape
    rows = int(np.ceil(count / columns))
    tiled = np.full((rows * (height + gap) - gap,
                     columns * (width + gap) - gap), np.nan)
    for index, picture in enumerate(pictures):
        top = index // columns * (height + gap)
        left = index % columns * (width + gap)
        tiled[top:top + height, left:left + width] = picture
    return tiled


def face_grid(pictures, title, path=None, show=False, columns=None):
    """Draw k greyscale pictures (k, h, w) with values in [0, 1] in a grid.

    The pictures are tiled into one image (white gaps between them):
    one image draws far faster than one axes per picture.
    """
    pictures = np.clip(np.asarray(pictures, dtype="float64"), 0, 1)
    columns = columns or int(np.ceil(np.sqrt(len(pictures))))
    rows = int(np.ceil(len(pictures) / columns))
    height = rows * .6 + .6
    fig, ax = plt.subplots(figsize=(columns * .6 + .2, height))
    colours = matplotlib.colormaps["gray"].with_extremes(bad="white")
    ax.imshow(mosaic(pictures, columns), cmap=colours, vmin=0, vmax=1)
    ax.axis("off")
    # Margins in inches, so that tall grids keep room for the title.
    fig.suptitle(title, y=1 - .1 / height, va="top")
    fig.subplots_adjust(left=0, right=1, bottom=0, top=1 - .5 / height)
    return finish_figure(fig, path, show)


def smooth(values, width):
    """Moving average of `values` over `width` points (valid part only)."""
    values = np.asarray(values, dtype="float64")
    width = max(1, min(width, len(values)))
    return np.convolve(values, np.ones(width) / width, mode="valid")


def draw_losses(ax, history, steps_per_epoch=1):
    """Draw each loss of a history {name: per-step values} on ax.

    Raw values are drawn faintly, their moving average over one epoch
    boldly; a gradient penalty "gp" gets its own axis on the right.
    """
    right = None
    for name, values in history.items():
        if not len(values):
            continue
        target, colour = ax, None
        if name == "gp":
            right = right or ax.twinx()
            target, colour = right, "tab:green"
        line, = target.plot(np.arange(1, len(values) + 1), values, lw=.5,
                            alpha=.3, color=colour)
        # Short runs would keep almost no averaged point: average less.
        width = max(1, min(steps_per_epoch, len(values) // 2))
        averaged = smooth(values, width)
        target.plot(np.arange(width, width + len(averaged)), averaged,
                    color=line.get_color(), lw=1.5, label=name)
    ax.set_xlabel("training step")
    ax.set_ylabel("loss")
    handles, labels = ax.get_legend_handles_labels()
    if right is not None:
        right.set_ylabel("gradient penalty")
        more = right.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    ax.legend(handles, labels, loc="best", fontsize=8)


def loss_curves(history, title, path=None, show=False, steps_per_epoch=1):
    """Plot each loss of a history {name: per-step values} against steps.

    Raw values are drawn faintly, their moving average over one epoch
    boldly; a gradient penalty gets its own axis on the right.
    """
    fig, ax = plt.subplots(figsize=(8, 4))
    draw_losses(ax, history, steps_per_epoch)
    ax.set_title(title)
    fig.tight_layout()
    return finish_figure(fig, path, show)


def animate(fig, draw, count, path, seconds_per_frame):
    """Save frames draw(0) ... draw(count - 1) of fig as a looping GIF.

    matplotlib's Pillow writer: no dependency beyond matplotlib.
    """
    from matplotlib.animation import FuncAnimation, PillowWriter

    animation = FuncAnimation(fig, draw, frames=count)
    animation.save(path, writer=PillowWriter(fps=1 / seconds_per_frame))
    plt.close(fig)
    return path


def save_gif(frame_paths, path, seconds_per_frame=.2):
    """Assemble PNG files into an animated GIF."""
    frames = [plt.imread(frame) for frame in frame_paths]
    height, width = frames[0].shape[:2]
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.axis("off")
    image = ax.imshow(frames[0])
    return animate(fig, lambda i: image.set_data(frames[i]), len(frames),
                   path, seconds_per_frame)


# Figures of the demos: every number drawn is computed from the GAN given.

GRID_SIZE = 150
TOY_LIMITS = (-.1, 1.1)
LATENT_LIMITS = (-3, 3)


def recorded_losses(gan):
    """Return (losses {name: values}, steps per epoch) of a trained GAN.

    Per-step losses when training recorded them (gantools.networks
    fit_gan), else Keras's per-epoch history (one value per epoch).
    """
    steps = getattr(gan.history, "step_losses", None)
    if steps:
        return steps, gan.history.params["steps"]
    return gan.history.history, 1


def critic_values(gan, examples):
    """Return the critic's values (k,) on examples (k, ...) as numpy.

    The examples are cast to float32 and reshaped to the critic's input
    shape, so (16, 16) faces and float64 toy points are accepted.
    """
    shape = tuple(gan.discriminator.inputs[0].shape[1:])
    examples = np.asarray(examples, dtype="float32").reshape((-1,) + shape)
    return np.asarray(gan.discriminator(examples, training=False))[:, 0]


def models_on_grid(models, limits, size=GRID_SIZE):
    """Evaluate a chain of models R^2 -> ... -> R on a size x size grid.

    The grid covers limits^2; the models are applied in order (the
    generator, then the critic, gives D(G(z))). Returns (axis (size,),
    values (size, size)), values[i, j] taken at the point (axis[j],
    axis[i]): the layout pcolormesh expects.
    """
    axis = np.linspace(limits[0], limits[1], size)
    xs, ys = np.meshgrid(axis, axis)
    values = np.stack([xs.ravel(), ys.ravel()], axis=1).astype("float32")
    for model in models:
        values = model(values, training=False)
    return axis, np.asarray(values).reshape(size, size)


def heat_map(fig, ax, axis, values, label):
    """Draw values (n, n) over axis x axis with a labelled colour bar."""
    mesh = ax.pcolormesh(axis, axis, values, shading="gouraud")
    fig.colorbar(mesh, ax=ax).set_label(label)


def colour_scatter(fig, ax, points, values, label, limits=None):
    """Scatter points (k, 2) coloured by values (k,), with a colour bar.

    limits (vmin, vmax) lets several panels share one colour scale.
    """
    vmin, vmax = limits or (None, None)
    dots = ax.scatter(points[:, 0], points[:, 1], c=values, s=1,
                      vmin=vmin, vmax=vmax)
    fig.colorbar(dots, ax=ax).set_label(label)


def set_plane(ax, title, limits, names=("x", "y")):
    """Title a square panel, fix its limits and name its two axes."""
    ax.set_title(title, fontsize=10)
    ax.set_xlim(*limits)
    ax.set_ylim(*limits)
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])


def visualize_2D(G, title, path=None, show=False, size=200):
    """Real vs fake points, the critic over the plane, and the losses.

    G: a trained GAN on points of R^2 (k, 2). Left: `size` real and
    `size` fake points; middle: the critic's values on a 150 x 150 grid
    of [-.1, 1.1]^2; right: the losses recorded during training.
    """
    fig, axes = plt.subplots(1, 3, figsize=(17, 4.8),
                             gridspec_kw={"width_ratios": [1, 1.25, 1.6]})
    real = np.asarray(G.get_real_sample(size))
    fake = np.asarray(G.get_fake_sample(size))
    axes[0].scatter(real[:, 0], real[:, 1], s=2, label="real")
    axes[0].scatter(fake[:, 0], fake[:, 1], s=2, label="fake")
    axes[0].legend(loc="upper right", fontsize=8)
    set_plane(axes[0], f"{size} real and {size} fake points", TOY_LIMITS)
    axis, values = models_on_grid([G.discriminator], TOY_LIMITS)
    heat_map(fig, axes[1], axis, values, "critic value D(x, y)")
    set_plane(axes[1], "critic (discriminator) on the plane", TOY_LIMITS)
    losses, steps_per_epoch = recorded_losses(G)
    draw_losses(axes[2], losses, steps_per_epoch)
    axes[2].set_title("losses during training", fontsize=10)
    fig.suptitle(title)
    fig.tight_layout()
    return finish_figure(fig, path, show)


def visualize_5D(G, title, path=None, show=False, size=10000):
    """Six views of a GAN on the four coloured clouds of R^5.

    Points [x, y, R, G, B] are drawn at (x, y) in colour (R, G, B). Top:
    the real examples, `size` fakes, and the critic of the generator on
    the plane [-3, 3]^2 of 2-D latent vectors; bottom: the critic on the
    real points, on the fakes (these two share one colour scale), and on
    the fakes' latent vectors.
    """
    fig, axes = plt.subplots(2, 3, figsize=(16, 9.5))
    real = np.asarray(G.real_examples, dtype="float32")
    latent = np.asarray(G.latent_generator(size))
    fake = np.asarray(G.generator(latent, training=False))
    on_real, on_fake = critic_values(G, real), critic_values(G, fake)
    shared = (min(on_real.min(), on_fake.min()),
              max(on_real.max(), on_fake.max()))
    for ax, points, name in ((axes[0, 0], real, f"{len(real)} real"),
                             (axes[0, 1], fake, f"{size} fake")):
        ax.scatter(points[:, 0], points[:, 1], s=1,
                   c=np.clip(points[:, 2:5], 0, 1))
        set_plane(ax, f"{name} points, colour (R, G, B)", TOY_LIMITS)
    axis, values = models_on_grid([G.generator, G.discriminator],
                                  LATENT_LIMITS)
    heat_map(fig, axes[0, 2], axis, values, "critic value D(G(z))")
    set_plane(axes[0, 2], r"critic $\circ$ generator on the latent plane",
              LATENT_LIMITS, ("$z_1$", "$z_2$"))
    for ax, points, values, name in (
            (axes[1, 0], real, on_real, "critic on real points"),
            (axes[1, 1], fake, on_fake, "critic on fake points")):
        colour_scatter(fig, ax, points, values, "critic value", shared)
        set_plane(ax, name, TOY_LIMITS)
    colour_scatter(fig, axes[1, 2], latent, on_fake, "critic value D(G(z))")
    set_plane(axes[1, 2], r"critic $\circ$ generator on the latent sample",
              LATENT_LIMITS, ("$z_1$", "$z_2$"))
    fig.suptitle(title)
    fig.tight_layout()
    return finish_figure(fig, path, show)


def cloud_losses(results, expected, title, path=None, show=False):
    """One loss panel per GAN, its cloud measures written underneath.

    results: list of dicts with keys name, losses, steps_per_epoch,
    msdcc, dbc; expected: (E[msdcc], E[dbc]) for the same sample size.
    """
    fig, axes = plt.subplots(1, len(results), figsize=(5 * len(results), 4),
                             squeeze=False)
    for ax, result in zip(axes[0], results):
        draw_losses(ax, result["losses"], result["steps_per_epoch"])
        ax.set_title(result["name"])
        ax.set_xlabel(f"training step\nmsdcc {result['msdcc']:.4f}, "
                      f"dbc {result['dbc']:.3g}")
    fig.suptitle(f"{title}\nexpected msdcc $N\\sigma^2$ = {expected[0]:.4f}"
                 f", expected dbc $N\\sigma^2/S$ = {expected[1]:.3g}")
    fig.tight_layout()
    return finish_figure(fig, path, show)


def vector_pictures(samples, side, title, path=None, show=False):
    """Draw each sample of vectors (k, side^2) as k side x side pictures.

    samples: {panel name: array (k, side * side)}, values in [0, 1].
    """
    fig, axes = plt.subplots(1, len(samples),
                             figsize=(3.6 * len(samples) + 1, 4.2),
                             squeeze=False)
    for ax, (name, vectors) in zip(axes[0], samples.items()):
        vectors = np.asarray(vectors)
        pictures = vectors.reshape(len(vectors), side, side)
        image = ax.imshow(mosaic(pictures, int(np.ceil(np.sqrt(len(
            pictures))))), cmap="gray", vmin=0, vmax=1)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(name)
        ax.set_xlabel(f"{len(vectors)} vectors as {side}x{side} pictures")
    fig.colorbar(image, ax=axes[0].tolist()).set_label("coordinate value")
    fig.suptitle(title)
    return finish_figure(fig, path, show)


def picture(values, title, path=None, show=False, label="pixel value"):
    """Draw one greyscale picture (h, w) with a labelled colour bar."""
    fig, ax = plt.subplots(figsize=(4.4, 3.6))
    image = ax.imshow(values, cmap="gray")
    fig.colorbar(image, ax=ax).set_label(label)
    ax.set_xlabel("pixel column")
    ax.set_ylabel("pixel row")
    ax.set_title(title)
    fig.tight_layout()
    return finish_figure(fig, path, show)


def pixel_histograms(pictures, title, path=None, show=False, bins=20,
                     limits=(-1, 1)):
    """Draw, in the cell of each pixel, the histogram of its values.

    pictures: (k, h, w[, 1]); every histogram spans `limits`, and its
    height is scaled to its own largest bin.
    """
    pictures = np.asarray(pictures).reshape(np.shape(pictures)[:3])
    _, height, width = pictures.shape
    centres = (np.arange(bins) + .5) / bins
    fig, ax = plt.subplots(figsize=(10, 10))
    for row in range(height):
        for column in range(width):
            counts, _ = np.histogram(pictures[:, row, column], bins=bins,
                                     range=limits)
            base = height - 1 - row
            ax.fill_between(column + .05 + .9 * centres, base,
                            base + .85 * counts / max(counts.max(), 1),
                            step="mid", lw=0, color="tab:blue")
    ax.set_xticks(np.arange(width) + .5, labels=np.arange(width))
    ax.set_yticks(np.arange(height) + .5, labels=np.arange(height)[::-1])
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_xlabel(f"pixel column (in each cell: values from {limits[0]} "
                  f"to {limits[1]}, {bins} bins)")
    ax.set_ylabel("pixel row")
    ax.set_title(title)
    fig.tight_layout()
    return finish_figure(fig, path, show)


def critic_histograms(ax_real, ax_fake, on_real, on_fake):
    """Histograms of the critic on real and on fake examples, same bins."""
    edges = np.histogram_bin_edges(np.concatenate([on_real, on_fake]),
                                   bins=20)
    for ax, values, name in ((ax_real, on_real, "real"),
                             (ax_fake, on_fake, "fake")):
        ax.hist(values, bins=edges)
        ax.set_title(f"critic on {len(values)} {name} faces "
                     f"(mean {values.mean():.3g})", fontsize=10)
        ax.set_xlabel("critic value")
        ax.set_ylabel("count")


def visualize_faces(G, latent, recover, title, path=None, show=False,
                    size=400):
    """Ten fakes, the critic on real vs fake faces, and the losses.

    latent: (10, d) latent vectors of the pictures in the top row;
    recover maps the generator's output back to pictures in [0, 1].
    """
    fig = plt.figure(figsize=(17, 6))
    grid = fig.add_gridspec(2, 30, height_ratios=[1, 2.2], hspace=.45)
    fakes = recover(np.asarray(G.generator(latent, training=False)))
    for index, face in enumerate(fakes[:10]):
        ax = fig.add_subplot(grid[0, 3 * index:3 * index + 3])
        ax.imshow(np.clip(face, 0, 1), cmap="gray", vmin=0, vmax=1)
        ax.axis("off")
    bottom = [fig.add_subplot(grid[1, start:start + 8])
              for start in (0, 11, 22)]
    critic_histograms(bottom[0], bottom[1],
                      critic_values(G, G.get_real_sample(size)),
                      critic_values(G, G.get_fake_sample(size)))
    losses, steps_per_epoch = recorded_losses(G)
    draw_losses(bottom[2], losses, steps_per_epoch)
    bottom[2].set_title("losses during training", fontsize=10)
    fig.suptitle(f"{title}\n(top: ten fakes)")
    fig.subplots_adjust(left=.04, right=.98, bottom=.1)
    return finish_figure(fig, path, show)


def critic_sorted_faces(pictures, values, title, path=None, show=False,
                        columns=20):
    """Draw pictures (k, h, w) sorted by critic values (k,), row by row.

    The title gives the lowest (top left) and highest (bottom right)
    critic values.
    """
    order = np.argsort(values)
    return face_grid(np.asarray(pictures)[order],
                     f"{title}, from {values[order[0]]:.3g} (top left) to "
                     f"{values[order[-1]]:.3g} (bottom right)",
                     path=path, show=show, columns=columns)


def chi2_histograms(samples, degrees, title, path=None, show=False):
    """Histogram each sample of sums against the chi-squared density.

    samples: {panel name: sums (k,)}; degrees: the number k of squared
    coordinates summed, so chi-squared_k is the law under independence.
    """
    from gantools.evaluation import chi2_pdf

    fig, axes = plt.subplots(1, len(samples), figsize=(5 * len(samples), 4),
                             squeeze=False)
    for ax, (name, sums) in zip(axes[0], samples.items()):
        top = max(4 * degrees, float(np.percentile(sums, 99.5)))
        ax.hist(sums, bins=100, range=(0, top), density=True,
                label=f"{len(sums)} sums, mean {np.mean(sums):.1f}")
        x = np.linspace(0, top, 400)
        ax.plot(x, chi2_pdf(x, degrees), color="magenta",
                label=f"$\\chi^2_{{{degrees}}}$ density (mean {degrees})")
        ax.set_title(name, fontsize=10)
        ax.set_xlabel(f"sum of squares of {degrees} standardised "
                      f"principal coordinates")
        ax.set_ylabel("density")
        ax.legend(fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    return finish_figure(fig, path, show)


def variance_ratio_curves(ratios, title, path=None, show=False):
    """Plot, for each generator, its variance ratio per coordinate.

    ratios: {name: (k,) variance of the fakes' i-th standardised principal
    coordinate over the real faces'}; 1 is a perfect match.
    """
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for name, values in ratios.items():
        ax.plot(np.arange(1, len(values) + 1), values, marker=".",
                label=name)
    ax.axhline(1, color="black", linewidth=.8, linestyle="--")
    ax.set_xlabel("principal coordinate (by decreasing variance)")
    ax.set_ylabel("variance on fakes / on held-out faces")
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    return finish_figure(fig, path, show)
