import Autogen

AutogenCommand.main()
