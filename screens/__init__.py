"""Side by Side's terminal screens (Textual). They talk to ``workbook`` only through its public
functions and models; they never touch storage, TinyDB or files directly."""
