"""QObjects and tasks that drive long work for the GUI: map jobs, tiled runs, training, installs."""
