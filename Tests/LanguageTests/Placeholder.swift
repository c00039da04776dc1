// placeholder until its tests land
