class Config:
    DEBUG = False
    def load(self):
        return {}
Config.Debug
