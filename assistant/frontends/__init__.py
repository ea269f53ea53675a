"""The command line, the Gradio app and the exports: thin readers over the core."""
