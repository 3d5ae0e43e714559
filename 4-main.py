#!/usr/bin/env python3
"""Task 4 demo: play with a pre-trained WGAN_GP, then the PCA appendix.

With DIR/generator.h5 and DIR/discriminator.h5 (--weights DIR, default
data/), loaded by replace_weights, it draws:
  4-fakes_by_critic.png  400 fakes sorted by the critic's value;
  4-segment.png          the faces along a segment of the latent space
                         (the course's pair: set_seeds(18), then
                         np.random.randn(32).reshape([2, 16]));
  4-star_walk.gif        out from a latent vector to five others and back;
  4-circle_walk.gif      around a circle cos(t) a + sin(t) b.
The appendix needs no weights:
  4-pca_fakes.png, 4-pca_reconstructions.png: the PCA generator (depth
      128): 100 fakes, and 100 real faces rebuilt from 128 coordinates;
  4-sums_of_squares.png: the sum of the squares of the 49 standardised
      principal coordinates against the chi-squared_49 density, for the
      real faces, the real faces with each coordinate shuffled on its own,
      and 10,000 fakes of the GAN (each sample gets its own PCA).
"""
import os

import numpy as np

from gantools import task
from gantools.demo import demo_parser, load_faces, output, parse_demo, saved
from gantools.evaluation import PCAGenerator
from gantools.metrics import ks_to_chi2, principal_sums_of_squares
from gantools.networks import generate
from gantools.plots import critic_sorted_faces, critic_values, face_grid
from gantools.plots import chi2_histograms
from gantools.randomness import latent_generator, set_seeds
from gantools.walks import (circle_walk, segment, star_walk, walk_gif,
                            walk_pictures, walk_strip)

WGAN_GP = task("4-wgan_gp").WGAN_GP
convolutional_GenDiscr = task("3-generate_faces").convolutional_GenDiscr
HOW_TO_TRAIN = """no pre-trained weights in {folder}/ ({error}).
Train them with `make train-faces` (or `python -m gantools.train_faces
--out runs/faces`), then copy runs/faces/generator_ema.h5 (the moving
average, ours) to {folder}/generator.h5 and runs/faces/discriminator.h5
to {folder}/discriminator.h5. Drawing the appendix only."""


def pretrained_gan(faces, folder):
    """Return the WGAN_GP with the weights of `folder`, or None if absent.

    Raises ValueError when a weight file exists but does not fit.
    """
    generator, discriminator = convolutional_GenDiscr()
    G = WGAN_GP(generator, discriminator, latent_generator("normal", 16),
                faces.normalized, batch_size=200, disc_iter=2,
                learning_rate=.001)
    try:
        G.replace_weights(os.path.join(folder, "generator.h5"),
                          os.path.join(folder, "discriminator.h5"))
    except FileNotFoundError as error:
        print(HOW_TO_TRAIN.format(folder=folder.rstrip("/"), error=error))
        return None
    return G


def play(G, faces, args):
    """Draw the sorted fakes, the segment, the star and circle walks."""
    fakes = G.get_fake_sample(400)
    saved(critic_sorted_faces(faces.recover(fakes), critic_values(G, fakes),
                              "400 fakes sorted by the critic",
                              output(args, "4-fakes_by_critic.png"),
                              args.show))
    set_seeds(18)
    ab = np.random.randn(32).reshape([2, 16])
    saved(walk_strip(walk_pictures(G.generator, segment(ab[0], ab[1], 20),
                                   faces.recover),
                     "faces along a segment of the latent space",
                     output(args, "4-segment.png"), args.show))
    rng = np.random.default_rng(args.seed)
    centre, ends = rng.standard_normal(16), rng.standard_normal((5, 16))
    spoke = 4 if args.quick else 12
    saved(walk_gif(walk_pictures(G.generator, star_walk(centre, ends, spoke),
                                 faces.recover),
                   "star walk: out to 5 faces and back",
                   output(args, "4-star_walk.gif")))
    a, b = rng.standard_normal((2, 16))
    saved(walk_gif(walk_pictures(G.generator,
                                 circle_walk(a, b, 8 if args.quick else 60),
                                 faces.recover),
                   "circle walk: cos(t) a + sin(t) b",
                   output(args, "4-circle_walk.gif")))


def appendix(G, faces, args):
    """Draw the PCA generator and the sums of squares (GAN's if any)."""
    rng = np.random.default_rng(args.seed)
    pca = PCAGenerator(faces.pictures, depth=128)
    saved(face_grid(pca.fake_sample(100, rng),
                    "PCA generator (depth 128): 100 fakes",
                    output(args, "4-pca_fakes.png"), args.show))
    saved(face_grid(pca.reconstruct(faces.pictures[:100]),
                    "100 real faces rebuilt from 128 principal coordinates",
                    output(args, "4-pca_reconstructions.png"), args.show))
    sums = {"real faces": principal_sums_of_squares(faces.normalized),
            "real faces, each coordinate shuffled":
            principal_sums_of_squares(faces.normalized, rng=rng)}
    if G is not None:
        count = 1000 if args.quick else 10000
        fakes = generate(G.generator, G.latent_generator(count))
        sums[f"{count} GAN fakes"] = principal_sums_of_squares(fakes)
    for name, values in sums.items():
        print(f"{name}: KS distance to chi-squared_49 = "
              f"{ks_to_chi2(values, 49, rng):.3f}")
    saved(chi2_histograms(sums, 49, "are the principal coordinates "
                          "independent? (PCA fitted on each sample)",
                          output(args, "4-sums_of_squares.png"), args.show))


def main():
    """Load the pre-trained GAN if there is one, play, then the appendix."""
    parser = demo_parser(__doc__)
    parser.add_argument("--weights", default="data",
                        help="folder of generator.h5 and discriminator.h5")
    args = parse_demo(parser)
    faces = load_faces()
    set_seeds(args.seed)
    G = pretrained_gan(faces, args.weights)
    if G is not None:
        play(G, faces, args)
    appendix(G, faces, args)


if __name__ == "__main__":
    main()
