def create_demo_content(context):
    """Demo content: filled in below."""
