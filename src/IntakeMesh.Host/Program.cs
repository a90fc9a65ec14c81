using IntakeMesh.Host;

var app = IntakeMeshApp.Build(args);
app.Run();
