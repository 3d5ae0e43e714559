#!/usr/bin/env python3
"""Task 3 demo: the faces, the convolutional networks, a first training.

Figures: 3-real_faces.png (100 real faces), 3-mean_face.png,
3-pixel_histograms.png (the distribution of each pixel of the normalised
faces), and 3-training.png: after the course's short Simple_GAN run
(latent vectors on the sphere of centre .5 and radius .3 in R^16,
disc_iter 1, batches of 10, learning rate .001, 5 epochs of 5 steps),
ten fakes, the critic on 400 real and 400 fake faces, and the losses.
The two networks' summaries are printed.
"""
from gantools import task
from gantools.demo import demo_parser, load_faces, output, parse_demo, saved
from gantools.networks import fit_gan
from gantools.plots import face_grid, picture, pixel_histograms
from gantools.plots import visualize_faces
from gantools.randomness import set_seeds, spheric_generator

Simple_GAN = task("0-simple_gan").Simple_GAN
convolutional_GenDiscr = task("3-generate_faces").convolutional_GenDiscr


def latent_on_sphere(k):
    """Return (k, 16) latent vectors uniform on the sphere S((.5), .3)."""
    return spheric_generator(k, 16) * .3 + .5


def main():
    """Look at the data, then train a Simple_GAN for a few steps."""
    args = parse_demo(demo_parser(__doc__))
    faces = load_faces()
    saved(face_grid(faces.pictures[:100], "100 real faces",
                    output(args, "3-real_faces.png"), args.show))
    saved(picture(faces.mean_face, "mean face",
                  output(args, "3-mean_face.png"), args.show))
    saved(pixel_histograms(faces.normalized, "values of each pixel over the "
                           f"{len(faces.pictures)} normalised faces",
                           output(args, "3-pixel_histograms.png"),
                           args.show))

    set_seeds(args.seed)
    generator, discriminator = convolutional_GenDiscr()
    generator.summary()
    discriminator.summary()
    G = Simple_GAN(generator, discriminator, latent_on_sphere,
                   faces.normalized, disc_iter=1, batch_size=10,
                   learning_rate=.001)
    G.compile()
    epochs, steps = (1, 2) if args.quick else (5, 5)
    fit_gan(G, faces.normalized, epochs, steps)
    saved(visualize_faces(G, latent_on_sphere(10), faces.recover,
                          f"Simple_GAN on faces after {epochs} x {steps} "
                          "steps", output(args, "3-training.png"),
                          args.show))


if __name__ == "__main__":
    main()
