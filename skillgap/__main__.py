from skillgap.launch import main

main()
