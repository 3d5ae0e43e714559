#!/usr/bin/env python3
"""Train task 4's WGAN_GP on the faces with the task-3 networks.

    python -m gantools.train_faces --out runs/faces [--resume] [options]

Every epoch ends with an atomic checkpoint (both networks, both optimizers,
the moving average of the generator, the history and the epoch counter)
and a PNG of the faces drawn from a fixed grid of 64 latent vectors. The
random state is a function of (seed, epoch): each epoch reseeds TensorFlow
and traces the training step anew, so `--resume` continues with exactly
the losses an uninterrupted run would have had. The end of the run writes
the weights as .h5 files, a GIF of the grids and the loss curves.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

import numpy as np
import tensorflow as tf
from tensorflow import keras

from gantools import task
from gantools.faces import Faces
from gantools.plots import face_grid, loss_curves, save_gif
from gantools.randomness import latent_generator
from gantools.whitening import whiten, whitened_generator, zca_matrix

RECIPES = {
    "course": dict(epochs=150, steps=200, batch_size=200, disc_iter=2,
                   learning_rate=1e-4),
    "fast": dict(epochs=80, steps=500, batch_size=64, disc_iter=2,
                 learning_rate=5e-4),
}
CONFIG_KEYS = ("steps", "batch_size", "disc_iter", "learning_rate", "seed",
               "ema_decay", "critic_learning_rate", "whitened_critic")
# What runs saved before a setting existed did without it.
LEGACY_CONFIG = {"whitened_critic": False}
CALIBRATION_SIZE = 10_000
GRID_SIZE = 64
LOSS_KEYS = ("discr_loss", "gen_loss", "gp")


def parse_args(argv=None):
    """Read the command line; a recipe fills the options left unset."""
    parser = argparse.ArgumentParser(
        description="Train WGAN_GP on the 16x16 faces, resumably.")
    parser.add_argument("--recipe", choices=sorted(RECIPES), default="fast",
                        help="default settings (course: the course's "
                        "150 x 200 steps, batch 200, lr 1e-4; fast: our "
                        "measured better use of a CPU)")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--steps", type=int, help="steps per epoch")
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--disc-iter", type=int)
    parser.add_argument("--learning-rate", type=float)
    parser.add_argument("--critic-learning-rate", type=float,
                        help="the critic's own learning rate (two time-scale "
                        "update rule); default: --learning-rate")
    parser.add_argument("--whitened-critic", action="store_true",
                        help="the critic sees ZCA-whitened faces, real and "
                        "fake, so that every principal direction counts "
                        "(gantools/whitening.py); its exported weights "
                        "then judge whitened faces")
    parser.add_argument("--ema-decay", type=float, default=0.999,
                        help="decay of the generator's moving average")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--snapshot-every", type=int, default=0,
                        help="also keep the weights of every N-th epoch")
    parser.add_argument("--init-from", metavar="CHECKPOINT",
                        help="continue another run's checkpoint.npz (state, "
                        "history, epoch count, grids) in --out with this "
                        "run's learning rate: a fine-tuning phase")
    parser.add_argument("--out", default=os.path.join("runs", "faces"))
    parser.add_argument("--resume", action="store_true",
                        help="continue the run saved in --out")
    args = parser.parse_args(argv)
    for key, value in RECIPES[args.recipe].items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    for key in ("epochs", "steps", "batch_size", "disc_iter"):
        if getattr(args, key) < 1:
            parser.error(f"--{key.replace('_', '-')} must be at least 1")
    for key in ("learning_rate", "critic_learning_rate"):
        if getattr(args, key) is not None and not getattr(args, key) > 0:
            parser.error(f"--{key.replace('_', '-')} must be positive")
    if not 0 <= args.ema_decay < 1:
        parser.error("--ema-decay must lie in [0, 1)")
    return args


def build_gan(args, faces):
    """Return a WGAN_GP on the normalised faces with the task-3 networks.

    The networks' initial weights are drawn under args.seed. The task-3
    generator is gan.face_generator; with args.whitened_critic, the GAN's
    generator is it followed by the whitening, and its real examples are
    the whitened faces.
    """
    keras.utils.set_random_seed(args.seed)
    networks = task("3-generate_faces").convolutional_GenDiscr
    generator, discriminator = networks()
    seen_generator, real_examples = generator, faces.normalized
    if args.whitened_critic:
        mean, matrix = zca_matrix(faces.normalized)
        seen_generator = whitened_generator(generator, mean, matrix)
        real_examples = whiten(faces.normalized, mean, matrix)
    gan = task("4-wgan_gp").WGAN_GP(
        seen_generator, discriminator, latent_generator("normal", 16),
        real_examples, batch_size=args.batch_size,
        disc_iter=args.disc_iter, learning_rate=args.learning_rate)
    gan.face_generator = generator
    for net in (gan.generator, gan.discriminator):
        net.optimizer.build(net.trainable_variables)
    set_learning_rates(gan, args)
    return gan


def set_learning_rates(gan, args):
    """Give the generator's Adam args.learning_rate and the critic's
    args.critic_learning_rate (args.learning_rate when unset)."""
    critic_rate = args.critic_learning_rate or args.learning_rate
    gan.generator.optimizer.learning_rate = args.learning_rate
    gan.discriminator.optimizer.learning_rate = critic_rate


class MovingAverage:
    """Exponential moving average of a model's weights (Polyak averaging).

    After each step: average <- decay * average + (1 - decay) * weight.
    """

    def __init__(self, model, decay):
        """Start the average at the model's current weights."""
        self.model = model
        self.decay = decay
        self.variables = [tf.Variable(w, trainable=False)
                          for w in model.get_weights()]

    def update(self):
        """Move the average one step towards the current weights."""
        for average, weight in zip(self.variables, self.model.weights):
            average.assign(self.decay * average
                           + (1 - self.decay) * tf.convert_to_tensor(weight))

    def values(self):
        """Return the averaged weights as numpy arrays."""
        return [v.numpy() for v in self.variables]


def training_state(gan, average):
    """Return every array a checkpoint must hold, keyed by name."""
    groups = {"gen": gan.face_generator.get_weights(),
              "disc": gan.discriminator.get_weights(),
              "gen_opt": [v.numpy() for v in
                          gan.generator.optimizer.variables],
              "disc_opt": [v.numpy() for v in
                           gan.discriminator.optimizer.variables],
              "ema": average.values()}
    return {f"{group}/{i}": np.asarray(array)
            for group, arrays in groups.items()
            for i, array in enumerate(arrays)}


def restore_state(gan, average, arrays, critic=True):
    """Put the arrays written by training_state back in place (the
    critic's weights and Adam state only if `critic`)."""
    def group(name):
        """Return the arrays stored under "name/0", "name/1", ... in order."""
        count = sum(1 for key in arrays if key.startswith(name + "/"))
        return [arrays[f"{name}/{i}"] for i in range(count)]

    gan.face_generator.set_weights(group("gen"))
    optimizers = [("gen_opt", gan.generator.optimizer)]
    if critic:
        gan.discriminator.set_weights(group("disc"))
        optimizers.append(("disc_opt", gan.discriminator.optimizer))
    for name, optimizer in optimizers:
        for variable, value in zip(optimizer.variables, group(name)):
            variable.assign(value)
    for variable, value in zip(average.variables, group("ema")):
        variable.assign(value)


def write_atomically(path, write):
    """Call write(file) on a temporary file, then move it onto `path`.

    The temporary file lives in the same folder, so os.replace is atomic:
    a kill at any moment leaves either the old or the new file whole.
    """
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def save_checkpoint(path, gan, average, epoch, history, grid, config,
                    elapsed):
    """Write the whole training state to `path` atomically (.npz)."""
    arrays = training_state(gan, average)
    arrays.update({f"history/{key}": np.asarray(values, dtype="float64")
                   for key, values in history.items()})
    arrays.update(epoch=np.int64(epoch), grid=grid, elapsed=elapsed,
                  config=np.array(json.dumps(config)))
    write_atomically(path, lambda stream: np.savez(stream, **arrays))


def load_checkpoint(path):
    """Return the arrays of a checkpoint as a dict."""
    with np.load(path) as checkpoint:
        return {key: checkpoint[key] for key in checkpoint.files}


def saved_config(state):
    """Return the settings {key: value} a checkpoint was trained with."""
    saved = json.loads(str(state["config"]))
    return {key: saved.get(key, LEGACY_CONFIG.get(key))
            for key in CONFIG_KEYS}


def recalibrate_batch_norm(generator, latent):
    """Set every BatchNormalization's moving statistics to the batch
    statistics of one large latent batch (Izmailov et al. 2018's bn_update).

    Training only ever uses batch statistics; the moving averages lag
    behind the weights (and mean nothing for averaged weights), so
    inference mode would draw from another distribution than training.
    latent: (k, 16) latent vectors, k large (10,000 here).
    """
    layers = [layer for layer in generator.layers
              if isinstance(layer, keras.layers.BatchNormalization)]
    momenta = [layer.momentum for layer in layers]
    for layer in layers:
        layer.momentum = 0.
    generator(latent, training=True)
    for layer, momentum in zip(layers, momenta):
        layer.momentum = momentum


def export_weights(gan, average, folder, latent, prefix=""):
    """Write generator, moving-average generator and critic as .h5 files.

    Both generators get their batch-norm statistics recalibrated on
    `latent` first; the training state itself is left as it was.
    """
    save_weights_h5 = task("4-wgan_gp").save_weights_h5
    raw = gan.face_generator.get_weights()
    try:
        for name, net, weights in (
                ("generator.h5", gan.face_generator, raw),
                ("generator_ema.h5", gan.face_generator, average.values()),
                ("discriminator.h5", gan.discriminator, None)):
            if weights is not None:
                net.set_weights(weights)
                recalibrate_batch_norm(net, latent)
            path = os.path.join(folder, prefix + name)
            temporary = path + ".part.h5"
            try:
                save_weights_h5(net, temporary)
                os.replace(temporary, path)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
    finally:
        gan.face_generator.set_weights(raw)


def calibration_latent(seed):
    """The fixed latent batch on which exported generators recalibrate."""
    rng = np.random.default_rng([seed, 1])
    return rng.standard_normal((CALIBRATION_SIZE, 16)).astype("float32")


def epoch_seed(seed, epoch):
    """The seed of one epoch: the random state is a function of both."""
    return seed * 100_003 + epoch


def copy_grids(source, target):
    """Copy the grid pictures of an earlier run, if any, into this run's."""
    os.makedirs(os.path.join(target, "grids"), exist_ok=True)
    frames = os.path.join(source, "grids")
    for name in sorted(os.listdir(frames) if os.path.isdir(frames) else []):
        shutil.copyfile(os.path.join(source, "grids", name),
                        os.path.join(target, "grids", name))


def run_epoch(gan, average, epoch, args):
    """Train one epoch with a Keras progress bar; return per-step losses.

    Raises FloatingPointError on the first non-finite loss.
    """
    keras.utils.set_random_seed(epoch_seed(args.seed, epoch))

    @tf.function
    def step():
        """One WGAN_GP train_step, then one moving-average update."""
        logs = gan.train_step(None)
        average.update()
        return logs

    losses = {key: [] for key in LOSS_KEYS}
    bar = keras.utils.Progbar(args.steps, stateful_metrics=LOSS_KEYS)
    for index in range(args.steps):
        logs = {key: float(value) for key, value in step().items()}
        if not all(np.isfinite(value) for value in logs.values()):
            raise FloatingPointError(
                f"non-finite loss at epoch {epoch + 1}, step {index + 1}: "
                f"{logs}")
        for key in LOSS_KEYS:
            losses[key].append(logs[key])
        bar.update(index + 1, list(logs.items()))
    return losses


def draw_grid(gan, grid, faces, path, title):
    """Save the faces of the fixed latent grid as an 8x8 PNG.

    Inference mode: the generator as it stands, with the running
    batch-norm statistics of training (not recalibrated).
    """
    pictures = faces.recover(gan.face_generator(grid, training=False))
    face_grid(pictures, title=title, path=path)


def finish(gan, average, args, history, faces, grid):
    """Write the final weights, the training GIF and the loss curves."""
    export_weights(gan, average, args.out, calibration_latent(args.seed))
    frames = sorted(os.path.join(args.out, "grids", name)
                    for name in os.listdir(os.path.join(args.out, "grids")))
    save_gif(frames, os.path.join(args.out, "training.gif"))
    loss_curves(history, steps_per_epoch=args.steps,
                title="WGAN_GP on faces: losses",
                path=os.path.join(args.out, "losses.png"))
    raw = gan.face_generator.get_weights()
    task("4-wgan_gp").load_weights_h5(
        gan.face_generator, os.path.join(args.out, "generator_ema.h5"))
    draw_grid(gan, grid, faces, os.path.join(args.out, "final_grid.png"),
              "fixed latent grid, exported moving-average generator")
    gan.face_generator.set_weights(raw)


def train(args):
    """Run (or resume) the training described by args; return the GAN."""
    checkpoint_path = os.path.join(args.out, "checkpoint.npz")
    config = {key: getattr(args, key) for key in CONFIG_KEYS}
    faces = Faces()
    gan = build_gan(args, faces)
    average = MovingAverage(gan.face_generator, args.ema_decay)
    history = {key: [] for key in LOSS_KEYS}
    start, elapsed = 0, 0.0
    if os.path.exists(checkpoint_path):
        if not args.resume:
            sys.exit(f"{args.out} already holds a run: pass --resume to "
                     f"continue it, or choose another --out")
        state = load_checkpoint(checkpoint_path)
        saved = saved_config(state)
        if saved != config:
            sys.exit(f"cannot resume: the run in {args.out} used {saved}, "
                     f"not {config}")
        print(f"resuming {args.out} after epoch {int(state['epoch'])}")
    elif args.resume:
        sys.exit(f"nothing to resume: no checkpoint in {args.out}")
    elif args.init_from:
        state = load_checkpoint(args.init_from)
        copy_grids(os.path.dirname(args.init_from), args.out)
        print(f"continuing {args.init_from} after epoch "
              f"{int(state['epoch'])} at learning rate {args.learning_rate}")
    else:
        state = None
        os.makedirs(os.path.join(args.out, "grids"), exist_ok=True)
        grid = np.random.default_rng(args.seed).standard_normal(
            (GRID_SIZE, 16)).astype("float32")
    if state is not None:
        # A critic that judged the other view of the faces knows nothing
        # useful about this one: it starts afresh.
        same_view = (saved_config(state)["whitened_critic"]
                     == args.whitened_critic)
        if not same_view:
            print("the critic starts afresh: it sees the faces "
                  + ("whitened" if args.whitened_critic else "as pixels"))
        restore_state(gan, average, state, critic=same_view)
        set_learning_rates(gan, args)
        start, elapsed = int(state["epoch"]), float(state["elapsed"])
        grid = state["grid"]
        history = {key: list(state[f"history/{key}"]) for key in LOSS_KEYS}

    for epoch in range(start, args.epochs):
        print(f"Epoch {epoch + 1}/{args.epochs}")
        began = time.time()
        try:
            losses = run_epoch(gan, average, epoch, args)
        except FloatingPointError as error:
            kept = (f"the last good checkpoint (epoch {epoch}) is kept in "
                    f"{checkpoint_path}" if epoch else "no epoch completed")
            sys.exit(f"stopped: {error}; {kept}")
        elapsed += time.time() - began
        for key in LOSS_KEYS:
            history[key].extend(losses[key])
        # The checkpoint is the commit point, written last: a kill before
        # it redoes the epoch, pictures and snapshot included.
        frame = os.path.join(args.out, "grids", f"epoch_{epoch + 1:04d}.png")
        # Earlier phases may have had other epoch lengths: count steps.
        draw_grid(gan, grid, faces, frame,
                  f"epoch {epoch + 1}, step {len(history['gp'])}")
        if args.snapshot_every and (epoch + 1) % args.snapshot_every == 0:
            export_weights(gan, average, args.out,
                           calibration_latent(args.seed),
                           prefix=f"epoch_{epoch + 1:04d}_")
        save_checkpoint(checkpoint_path, gan, average, epoch + 1, history,
                        grid, config, elapsed)
        means = "  ".join(f"{key} {np.mean(losses[key]):+.4f}"
                          for key in LOSS_KEYS)
        left = elapsed / (epoch + 1) * (args.epochs - epoch - 1)
        print(f"epoch {epoch + 1}/{args.epochs}  {means}  elapsed "
              f"{elapsed / 60:.1f} min  left ~{left / 60:.1f} min",
              flush=True)
    finish(gan, average, args, history, faces, grid)
    print(f"weights, grids, training.gif and losses.png are in {args.out}")
    return gan


def main(argv=None):
    """Command-line entry point."""
    train(parse_args(argv))


if __name__ == "__main__":
    main()
